import { EventIdReusedError } from './errors';
import { AppendResult } from './event-store.port';
import { sameJson } from './json-check';
import { PreparedEvent } from './prepare-append';
import { RecordedEvent } from './recorded-event';

/**
 * Decides what an append means when some of its event ids are already stored.
 * Returns the original result when the whole batch is already there unchanged (a retry after a
 * lost reply), null when none of the ids is stored, and throws when the ids were reused otherwise.
 */
export function resolveRetry(
  streamId: string,
  batch: readonly PreparedEvent[],
  stored: readonly RecordedEvent[],
): AppendResult | null {
  if (stored.length === 0) return null;
  const byId = new Map(stored.map((e) => [e.eventId, e]));
  let previous: RecordedEvent | undefined;
  for (const event of batch) {
    const found = byId.get(event.eventId);
    const inOrder =
      !previous || (found !== undefined && found.streamVersion === previous.streamVersion + 1);
    if (
      !found ||
      !inOrder ||
      found.streamId !== streamId ||
      found.type !== event.type ||
      !sameJson(found.data, event.data)
    ) {
      throw new EventIdReusedError((found ?? event).eventId, streamId);
    }
    previous = found;
  }
  const last = previous as RecordedEvent;
  return { nextExpectedVersion: last.streamVersion, lastPosition: last.globalPosition };
}
