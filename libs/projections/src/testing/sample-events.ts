import { EventStore } from '@heard/event-store';

const CATEGORIES = ['feedback', 'case', 'improvement', 'customer'];

/**
 * Appends `streams` × `perStream` events round-robin, so streams interleave in the log the way
 * real traffic does. Returns the position of the last event.
 */
export async function appendSampleEvents(
  store: EventStore,
  streams: number,
  perStream: number,
  prefix = 'sample',
): Promise<bigint> {
  let last = 0n;
  for (let version = 1; version <= perStream; version++) {
    for (let s = 0; s < streams; s++) {
      const streamId = `${CATEGORIES[s % CATEGORIES.length]}-${prefix}${s}`;
      const result = await store.append(
        streamId,
        [{ type: version === 1 ? 'Opened' : `Step${version % 3}`, data: { s, version } }],
        { expectedVersion: version === 1 ? 'no_stream' : version - 1 },
      );
      last = result.lastPosition;
    }
  }
  return last;
}
