import { requireId, requireOptionalId } from '../shared/ids';
import { sameJson } from '../shared/same-json';
import { requireStamp } from '../shared/stamp';
import { requireName } from '../shared/text';
import { unreachable } from '../shared/unreachable';
import { RegionCommand } from './region.commands';
import { RegionEvent, RegionFields } from './region.events';
import { RegionState } from './region.state';

export function decideRegion(command: RegionCommand, state: RegionState): RegionEvent[] {
  switch (command.type) {
    case 'PutRegion': {
      const stamp = requireStamp(command);
      const fields: RegionFields = {
        regionId: requireId(command.regionId, 'regionId'),
        name: requireName(command.name, 'name'),
        leadId: requireOptionalId(command.leadId, 'leadId'),
      };
      if (state.status === 'Undefined')
        return [{ type: 'RegionDefined', data: { ...fields, ...stamp } }];
      if (sameJson(state.current, fields)) return [];
      return [{ type: 'RegionChanged', data: { ...fields, ...stamp } }];
    }
    default:
      return unreachable(command.type, 'region command');
  }
}
