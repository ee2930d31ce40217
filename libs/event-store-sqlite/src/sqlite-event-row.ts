import { RecordedEvent } from '@heard/event-store';

/** One row of the events table as better-sqlite3 returns it with safe integers on. */
export interface EventRow {
  readonly global_position: bigint;
  readonly stream_id: string;
  readonly stream_version: bigint;
  readonly event_id: string;
  readonly type: string;
  readonly schema_version: bigint;
  readonly data: string;
  readonly occurred_at: bigint;
  readonly recorded_at: bigint;
  readonly correlation_id: string | null;
  readonly causation_id: string | null;
  readonly actor: string | null;
}

export const EVENT_COLUMNS =
  'global_position, stream_id, stream_version, event_id, type, schema_version, data, ' +
  'occurred_at, recorded_at, correlation_id, causation_id, actor';

export function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    eventId: row.event_id,
    type: row.type,
    schemaVersion: Number(row.schema_version),
    data: JSON.parse(row.data),
    streamId: row.stream_id,
    streamVersion: Number(row.stream_version),
    globalPosition: row.global_position,
    occurredAt: new Date(Number(row.occurred_at)),
    recordedAt: new Date(Number(row.recorded_at)),
    correlationId: row.correlation_id,
    causationId: row.causation_id,
    actor: row.actor,
  };
}
