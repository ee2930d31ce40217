import { BACKWARDS, END, FORWARDS, START, StreamNotFoundError } from '@eventstore/db-client';
import type { ReadStreamOptions as EsdbReadStreamOptions } from '@eventstore/db-client';
import { ActualVersion, ReadStreamOptions, RecordedEvent } from '@heard/event-store';
import { EventStoreDbClient } from './eventstoredb-client';
import { fromEsdbEvent, isSystemEvent } from './eventstoredb-envelope';
import { toRevision } from './eventstoredb-expected-revision';

/** Raw $all events read per request while filling one page of ours. */
const MAX_RAW_PAGE = 4096;
/** Events read per request while looking for event ids in a stream. */
const ID_SCAN_PAGE = 500;

// Every read passes maxCount and is consumed to its end: leaving a `for await` early would destroy
// the Node stream without cancelling the gRPC call behind it.
async function readStreamPage(
  client: EventStoreDbClient,
  streamId: string,
  options: EsdbReadStreamOptions,
): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  try {
    for await (const { event } of client.readStream(streamId, {
      ...options,
      resolveLinkTos: false,
    })) {
      if (event) events.push(fromEsdbEvent(event));
    }
  } catch (error) {
    // The server answers a read of a missing stream with an error; the port answers with [].
    if (error instanceof StreamNotFoundError) return [];
    throw error;
  }
  return events;
}

export function readStreamEvents(
  client: EventStoreDbClient,
  streamId: string,
  options: ReadStreamOptions = {},
): Promise<RecordedEvent[]> {
  const limit = options.limit ?? Number.MAX_SAFE_INTEGER;
  if (limit <= 0) return Promise.resolve([]);
  if (options.direction === 'backwards') {
    if (options.fromVersion !== undefined && options.fromVersion < 1) return Promise.resolve([]);
    return readStreamPage(client, streamId, {
      direction: BACKWARDS,
      fromRevision: options.fromVersion === undefined ? END : toRevision(options.fromVersion),
      maxCount: limit,
    });
  }
  return readStreamPage(client, streamId, {
    direction: FORWARDS,
    fromRevision: toRevision(Math.max(1, options.fromVersion ?? 1)),
    maxCount: limit,
  });
}

/** The version of the stream's last event, as the port counts it. */
export async function actualVersionOf(
  client: EventStoreDbClient,
  streamId: string,
): Promise<ActualVersion> {
  const [last] = await readStreamEvents(client, streamId, { direction: 'backwards', limit: 1 });
  return last ? last.streamVersion : 'no_stream';
}

/**
 * Events of one stream whose ids are in `ids`, scanning from the newest event back, and stopping
 * once all are found. The server has no index by event id, so a miss costs a read of the whole
 * stream: cheap for Heard's per-aggregate streams, paid only by appends that bring their own ids.
 */
export async function findEventsById(
  client: EventStoreDbClient,
  streamId: string,
  ids: ReadonlySet<string>,
): Promise<RecordedEvent[]> {
  const found = new Map<string, RecordedEvent>();
  let fromVersion: number | undefined;
  for (;;) {
    const page = await readStreamEvents(client, streamId, {
      direction: 'backwards',
      fromVersion,
      limit: ID_SCAN_PAGE,
    });
    for (const event of page) {
      // Newest first: once written, an id's latest occurrence is the one an append just made.
      if (ids.has(event.eventId) && !found.has(event.eventId)) found.set(event.eventId, event);
    }
    const oldest = page[page.length - 1]?.streamVersion ?? 1;
    if (found.size === ids.size || page.length < ID_SCAN_PAGE || oldest <= 1) {
      return [...found.values()];
    }
    fromVersion = oldest - 1;
  }
}

/**
 * Up to `limit` non-system events strictly after the commit position `after`.
 * Client 6.2 reads $all without a server-side filter (only subscriptions take one), so system
 * events count against maxCount: page on until `limit` of ours are in or the log ends.
 * A read from a position is inclusive, so the event at exactly `after` is dropped. No event sits at
 * 0: the log starts with an epoch record, which is why 0n can stand for "from the start".
 */
export async function readAllAfter(
  client: EventStoreDbClient,
  after: bigint,
  limit: number,
): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  if (limit <= 0) return events;
  const pageSize = Math.min(Math.max(limit + 1, 64), MAX_RAW_PAGE);
  let cursor = after;
  for (;;) {
    const from = cursor;
    let read = 0;
    for await (const { event } of client.readAll({
      fromPosition: from === 0n ? START : { commit: from, prepare: from },
      direction: FORWARDS,
      maxCount: pageSize,
      resolveLinkTos: false,
    })) {
      read++;
      if (!event) continue;
      const position = event.position.commit;
      if (position > cursor) cursor = position;
      if (position <= from || isSystemEvent(event) || events.length >= limit) continue;
      events.push(fromEsdbEvent(event));
    }
    if (events.length >= limit || read < pageSize) return events;
    if (cursor === from) {
      // Only events of one legacy (TCP-era) explicit transaction share a commit position.
      throw new Error(`$all page after commit position ${from} did not advance`);
    }
  }
}
