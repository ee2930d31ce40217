import type { RecordedEvent } from '@heard/event-store';
import { RegionEvent } from '../domain/region/region.events';
import { unreachable } from '../domain/shared/unreachable';
import { alreadyReflects } from './already-reflects';
import { RegionView } from './region-view.entity';

export const REGION_VIEW_EVENTS: readonly RegionEvent['type'][] = [
  'RegionDefined',
  'RegionChanged',
];

/** The row to write after `event`, or null when the row already reflects it. */
export function evolveRegionView(row: RegionView | null, event: RecordedEvent): RegionView | null {
  if (alreadyReflects(row, event)) return null;
  const stored = { type: event.type, data: event.data } as RegionEvent;
  switch (stored.type) {
    case 'RegionDefined':
    case 'RegionChanged': {
      const { regionId, name, leadId } = stored.data;
      return { regionId, name, leadId, version: event.streamVersion, updatedAt: event.occurredAt };
    }
    default:
      return unreachable(stored, 'region event');
  }
}
