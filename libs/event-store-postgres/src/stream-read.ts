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
