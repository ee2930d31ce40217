import { ADMIN, AT, putTeamCommand } from '../../testing/directory-commands';
import { deciderSpec } from '../../testing/decider-spec';
import { teamDecider } from './team.decider';
import { TeamDefined } from './team.events';

const spec = deciderSpec(teamDecider);

const defined: TeamDefined = {
  type: 'TeamDefined',
  data: {
    teamId: 'T-cx',
    name: 'Customer care',
    memberIds: ['A-1', 'A-2'],
    queue: 'cx',
    at: AT,
    by: ADMIN,
  },
};

describe('team decider', () => {
  it('defines a team with its members as a sorted set', () => {
    spec
      .given([])
      .when(putTeamCommand({ memberIds: ['A-2', 'A-1', 'A-2'] }))
      .then([defined]);
  });

  it('treats the same members in another order as no change', () => {
    spec
      .given([defined])
      .when(putTeamCommand({ memberIds: ['A-2', 'A-1'] }))
      .thenNothing();
  });

  it('records a member leaving as a change', () => {
    spec
      .given([defined])
      .when(putTeamCommand({ memberIds: ['A-2'] }))
      .then([{ type: 'TeamChanged', data: { ...defined.data, memberIds: ['A-2'] } }]);
  });

  it('allows a team without members (routing then passes it by)', () => {
    spec
      .given([])
      .when(putTeamCommand({ memberIds: [] }))
      .then([{ type: 'TeamDefined', data: { ...defined.data, memberIds: [] } }]);
  });

  it('names the offending member id', () => {
    spec
      .given([])
      .when(putTeamCommand({ memberIds: ['A-1', 'a b'] }))
      .thenRefuses({ code: 'directory.invalid_id', field: 'memberIds[1]' });
  });

  it('refuses a queue key that is not an id', () => {
    spec
      .given([])
      .when(putTeamCommand({ queue: 'customer care' }))
      .thenRefuses({ code: 'directory.invalid_id', field: 'queue' });
  });
});
