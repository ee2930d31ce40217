import { ReadStreamOptions, RecordedEvent } from '@heard/event-store';
import { EventRow, eventJson, toRecordedEvent } from './event-row';
import { Queryable } from './queryable';

/** One stream by version. No horizon: the stream's row lock makes its versions commit in order. */
export async function readStreamEvents(
  db: Queryable,
  schema: string,
  streamId: string,
  options: ReadStreamOptions = {},
): Promise<RecordedEvent[]> {
  const backwards = options.direction === 'backwards';
  const { rows } = await db.query<EventRow>({
    name: `${schema}.read_stream_${backwards ? 'backwards' : 'forwards'}`,
    text: `SELECT ${eventJson('e')} AS event FROM ${schema}.events e
      WHERE e.stream_id = $1 AND e.stream_version ${backwards ? '<=' : '>='} $2::bigint
      ORDER BY e.stream_version ${backwards ? 'DESC' : 'ASC'} LIMIT $3::bigint`,
    values: [
      streamId,
      options.fromVersion ?? (backwards ? Number.MAX_SAFE_INTEGER : 1),
      options.limit ?? null,
    ],
  });
  return rows.map((r) => toRecordedEvent(r.event));
}

/**
 * Whole streams, each from its first version, in one query: one answer per id, in order. Each id
 * is looked up by the stream index on its own (LATERAL): a plain `= ANY` list is planned from
 * table statistics, and before PostgreSQL has analysed a growing table it scans all of it.
 */
export async function readWholeStreams(
  db: Queryable,
  schema: string,
  streamIds: readonly string[],
): Promise<RecordedEvent[][]> {
  const { rows } = await db.query<EventRow>({
    name: `${schema}.read_whole_streams`,
    text: `SELECT x.event FROM unnest($1::text[]) WITH ORDINALITY AS s(id, n)
      CROSS JOIN LATERAL (SELECT ${eventJson('e')} AS event, e.stream_version
        FROM ${schema}.events e WHERE e.stream_id = s.id OFFSET 0) x
      ORDER BY s.n, x.stream_version`,
    values: [[...new Set(streamIds)]],
  });
  const byStream = new Map<string, RecordedEvent[]>();
  for (const row of rows) {
    const event = toRecordedEvent(row.event);
    const stream = byStream.get(event.streamId);
    if (stream) stream.push(event);
    else byStream.set(event.streamId, [event]);
  }
  // Callers of one batch may ask for the same stream; each gets an array of its own.
  return streamIds.map((id) => [...(byStream.get(id) ?? [])]);
}
