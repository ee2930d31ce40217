import { applySnapshot } from '../shared/snapshot-state';
import { unreachable } from '../shared/unreachable';
import { RegionEvent } from './region.events';
import { RegionState } from './region.state';

export function evolveRegion(state: RegionState, event: RegionEvent): RegionState {
  switch (event.type) {
    case 'RegionDefined':
    case 'RegionChanged': {
      const { at, by, regionId, name, leadId } = event.data;
      return applySnapshot(state, { regionId, name, leadId }, at, by);
    }
    default:
      return unreachable(event, 'region event');
  }
}
