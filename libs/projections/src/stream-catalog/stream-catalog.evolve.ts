import { RecordedEvent } from '@heard/event-store';

export interface StreamCatalogRow {
  readonly streamId: string;
  readonly category: string;
  readonly version: number;
  readonly lastEventType: string;
  readonly lastPosition: bigint;
  readonly updatedAt: Date;
}

/** `case-0193…` → `case`; a stream id without a dash is its own category. */
export function categoryOf(streamId: string): string {
  const dash = streamId.indexOf('-');
  return dash === -1 ? streamId : streamId.slice(0, dash);
}

/** The row after `event`; the same row when it already reflects the event (a replay). */
export function evolveStreamCatalog<Row extends StreamCatalogRow>(
  row: Row | null,
  event: RecordedEvent,
): Row | StreamCatalogRow {
  if (row !== null && row.version >= event.streamVersion) return row;
  return {
    streamId: event.streamId,
    category: categoryOf(event.streamId),
    version: event.streamVersion,
    lastEventType: event.type,
    lastPosition: event.globalPosition,
    updatedAt: event.recordedAt,
  };
}
