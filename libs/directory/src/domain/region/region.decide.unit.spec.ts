import { ADMIN, AT, putRegionCommand } from '../../testing/directory-commands';
import { deciderSpec } from '../../testing/decider-spec';
import { regionDecider } from './region.decider';
import { RegionDefined } from './region.events';

const spec = deciderSpec(regionDecider);

const defined: RegionDefined = {
  type: 'RegionDefined',
  data: { regionId: 'R-N', name: 'North', leadId: 'RM-1', at: AT, by: ADMIN },
};

describe('region decider', () => {
  it('defines a new region, trimming the name', () => {
    spec
      .given([])
      .when(putRegionCommand({ name: '  North ' }))
      .then([defined]);
  });

  it('records a new lead as a change', () => {
    spec
      .given([defined])
      .when(putRegionCommand({ leadId: 'RM-2' }))
      .then([{ type: 'RegionChanged', data: { ...defined.data, leadId: 'RM-2' } }]);
  });

  it('treats an unchanged put as no change', () => {
    spec.given([defined]).when(putRegionCommand()).thenNothing();
  });

  it('sees a change after an earlier change, not only against the first definition', () => {
    const changed = { type: 'RegionChanged' as const, data: { ...defined.data, name: 'Nord' } };
    spec
      .given([defined, changed])
      .when(putRegionCommand({ name: 'Nord' }))
      .thenNothing();
    spec
      .given([defined, changed])
      .when(putRegionCommand())
      .then([{ type: 'RegionChanged', data: defined.data }]);
  });

  it('refuses a malformed lead id', () => {
    spec
      .given([])
      .when(putRegionCommand({ leadId: '' }))
      .thenRefuses({ code: 'directory.invalid_id', field: 'leadId' });
  });

  it('refuses a missing actor', () => {
    spec
      .given([])
      .when(putRegionCommand({ by: '' }))
      .thenRefuses({ code: 'directory.invalid_id', field: 'by' });
  });
});
