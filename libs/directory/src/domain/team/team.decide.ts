import { requireId, requireIdSet } from '../shared/ids';
import { sameJson } from '../shared/same-json';
import { requireStamp } from '../shared/stamp';
import { requireName } from '../shared/text';
import { unreachable } from '../shared/unreachable';
import { TeamCommand } from './team.commands';
import { TeamEvent, TeamFields } from './team.events';
import { TeamState } from './team.state';

export function decideTeam(command: TeamCommand, state: TeamState): TeamEvent[] {
  switch (command.type) {
    case 'PutTeam': {
      const stamp = requireStamp(command);
      const fields: TeamFields = {
        teamId: requireId(command.teamId, 'teamId'),
        name: requireName(command.name, 'name'),
        memberIds: requireIdSet(command.memberIds, 'memberIds'),
        queue: requireId(command.queue, 'queue'),
      };
      if (state.status === 'Undefined') {
        return [{ type: 'TeamDefined', data: { ...fields, ...stamp } }];
      }
      if (sameJson(state.current, fields)) return [];
      return [{ type: 'TeamChanged', data: { ...fields, ...stamp } }];
    }
    default:
      return unreachable(command.type, 'team command');
  }
}
