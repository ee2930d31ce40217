import type { RecordedEvent } from '@heard/event-store';

/**
 * Directory entries are replaced whole, so a row at or past the event's stream version has seen
 * it: after a crash or during a rebuild the event is skipped and apply stays idempotent.
 */
export const alreadyReflects = (row: { version: number } | null, event: RecordedEvent): boolean =>
  row !== null && row.version >= event.streamVersion;
