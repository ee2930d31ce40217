import { AppendResult, RecordedEvent, resolveRetry } from '@heard/event-store';
import { AppendRequest } from './append-call';
import { EventRow, eventJson, toRecordedEvent } from './event-row';
import { Queryable } from './queryable';

export interface CheckedAppend extends AppendRequest {
  /** False when every event id was generated here: a fresh UUID v7 cannot be stored yet. */
  readonly checkIds: boolean;
}

/** The outcome of a re-append of stored ids (the original result, or the reuse error); null if none is stored. */
export type RetryOutcome = AppendResult | Error | null;

export async function findStoredEvents(
  db: Queryable,
  schema: string,
  eventIds: readonly string[],
): Promise<RecordedEvent[]> {
  if (eventIds.length === 0) return [];
  const { rows } = await db.query<EventRow>({
    text: `SELECT ${eventJson('e')} AS event FROM ${schema}.events e WHERE e.event_id = ANY($1::uuid[])`,
    values: [eventIds],
  });
  return rows.map((r) => toRecordedEvent(r.event));
}

/** One lookup for a whole group, then `resolveRetry` per append, as the in-memory store does. */
export async function resolveStoredRetries(
  db: Queryable,
  schema: string,
  appends: readonly CheckedAppend[],
): Promise<RetryOutcome[]> {
  const ids = appends.flatMap((a) => (a.checkIds ? a.events.map((e) => e.eventId) : []));
  const stored = new Map(
    (await findStoredEvents(db, schema, ids)).map((e) => [e.eventId, e] as const),
  );
  return appends.map((a) => {
    if (!a.checkIds || stored.size === 0) return null;
    try {
      return resolveRetry(
        a.streamId,
        a.events,
        a.events.flatMap((e) => stored.get(e.eventId) ?? []),
      );
    } catch (error) {
      return error as Error;
    }
  });
}
