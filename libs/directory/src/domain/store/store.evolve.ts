import { applySnapshot } from '../shared/snapshot-state';
import { unreachable } from '../shared/unreachable';
import { StoreEvent } from './store.events';
import { StoreState } from './store.state';

export function evolveStore(state: StoreState, event: StoreEvent): StoreState {
  switch (event.type) {
    case 'StoreDefined':
    case 'StoreChanged': {
      const { at, by, storeId, name, regionId, timezone, managerId } = event.data;
      const calendarId = event.data.calendarId ?? null;
      return applySnapshot(
        state,
        { storeId, name, regionId, timezone, managerId, calendarId },
        at,
        by,
      );
    }
    default:
      return unreachable(event, 'store event');
  }
}
