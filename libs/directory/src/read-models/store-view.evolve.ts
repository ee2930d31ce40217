import type { RecordedEvent } from '@heard/event-store';
import { unreachable } from '../domain/shared/unreachable';
import { StoreEvent } from '../domain/store/store.events';
import { alreadyReflects } from './already-reflects';
import { StoreView } from './store-view.entity';

export const STORE_VIEW_EVENTS: readonly StoreEvent['type'][] = ['StoreDefined', 'StoreChanged'];

/** The row to write after `event`, or null when the row already reflects it. */
export function evolveStoreView(row: StoreView | null, event: RecordedEvent): StoreView | null {
  if (alreadyReflects(row, event)) return null;
  const stored = { type: event.type, data: event.data } as StoreEvent;
  switch (stored.type) {
    case 'StoreDefined':
    case 'StoreChanged': {
      const { storeId, name, regionId, timezone, managerId } = stored.data;
      return {
        storeId,
        name,
        regionId,
        timezone,
        managerId,
        version: event.streamVersion,
        updatedAt: event.occurredAt,
      };
    }
    default:
      return unreachable(stored, 'store event');
  }
}
