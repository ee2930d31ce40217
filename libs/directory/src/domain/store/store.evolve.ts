import { applySnapshot } from '../shared/snapshot-state';
import { unreachable } from '../shared/unreachable';
import { StoreEvent } from './store.events';
import { StoreState } from './store.state';

export function evolveStore(state: StoreState, event: StoreEvent): StoreState {
  switch (event.type) {
    case 'StoreDefined':
    case 'StoreChanged': {
      const { at, by, storeId, name, regionId, timezone, managerId } = event.data;
      return applySnapshot(state, { storeId, name, regionId, timezone, managerId }, at, by);
    }
    default:
      return unreachable(event, 'store event');
  }
}
