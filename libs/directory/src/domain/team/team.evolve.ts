import { applySnapshot } from '../shared/snapshot-state';
import { unreachable } from '../shared/unreachable';
import { TeamEvent } from './team.events';
import { TeamState } from './team.state';

export function evolveTeam(state: TeamState, event: TeamEvent): TeamState {
  switch (event.type) {
    case 'TeamDefined':
    case 'TeamChanged': {
      const { at, by, teamId, name, memberIds, queue } = event.data;
      return applySnapshot(state, { teamId, name, memberIds, queue }, at, by);
    }
    default:
      return unreachable(event, 'team event');
  }
}
