import Database from 'better-sqlite3';
import { EVENT_COLUMNS, EventRow } from './sqlite-event-row';

type InsertParams = [
  streamId: string,
  streamVersion: number,
  eventId: string,
  type: string,
  schemaVersion: number,
  data: string,
  occurredAt: number,
  recordedAt: number,
  correlationId: string | null,
  causationId: string | null,
  actor: string | null,
];

/** Every statement the store runs, prepared once per connection. */
export interface EventStatements {
  readonly insert: Database.Statement<InsertParams>;
  /** The stream's version, or null when it has no events. */
  readonly streamVersion: Database.Statement<[streamId: string], bigint | null>;
  /** Stored events among the ids of a JSON array. */
  readonly byEventIds: Database.Statement<[idsJson: string], EventRow>;
  readonly streamForwards: Database.Statement<
    [streamId: string, fromVersion: number, limit: number],
    EventRow
  >;
  readonly streamBackwards: Database.Statement<
    [streamId: string, fromVersion: number, limit: number],
    EventRow
  >;
  readonly allAfter: Database.Statement<[after: bigint, limit: number], EventRow>;
}

export function prepareStatements(db: Database.Database): EventStatements {
  return {
    insert: db.prepare<InsertParams>(
      `INSERT INTO events (stream_id, stream_version, event_id, type, schema_version, data,
         occurred_at, recorded_at, correlation_id, causation_id, actor)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    streamVersion: db
      .prepare<[string], bigint | null>(
        'SELECT max(stream_version) FROM events WHERE stream_id = ?',
      )
      .pluck(),
    byEventIds: db.prepare<[string], EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE event_id IN (SELECT value FROM json_each(?))`,
    ),
    streamForwards: db.prepare<[string, number, number], EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = ? AND stream_version >= ?
       ORDER BY stream_version LIMIT ?`,
    ),
    streamBackwards: db.prepare<[string, number, number], EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = ? AND stream_version <= ?
       ORDER BY stream_version DESC LIMIT ?`,
    ),
    allAfter: db.prepare<[bigint, number], EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE global_position > ?
       ORDER BY global_position LIMIT ?`,
    ),
  };
}
