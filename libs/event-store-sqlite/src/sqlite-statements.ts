import Database from 'better-sqlite3';
import { EVENT_COLUMNS, EventRow } from './sqlite-event-row';

/** Rows per INSERT: one statement for many rows costs a quarter less than one per row. */
export const MAX_ROWS_PER_INSERT = 32;

/** The 11 values of a row, in INSERT_COLUMNS order, repeated once per row. */
export type InsertValues = (string | number | null)[];

const INSERT_COLUMNS =
  'stream_id, stream_version, event_id, type, schema_version, data, ' +
  'occurred_at, recorded_at, correlation_id, causation_id, actor';
const ROW_PLACEHOLDERS = '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';

/** Every statement the store runs, prepared once per connection. */
export interface EventStatements {
  /** Inserts `rows` rows, 1 to MAX_ROWS_PER_INSERT. */
  insertRows(rows: number): Database.Statement<InsertValues>;
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
  const inserts = new Map<number, Database.Statement<InsertValues>>();
  return {
    insertRows: (rows) => {
      let statement = inserts.get(rows);
      if (!statement) {
        const values = Array.from({ length: rows }, () => ROW_PLACEHOLDERS).join(', ');
        statement = db.prepare<InsertValues>(
          `INSERT INTO events (${INSERT_COLUMNS}) VALUES ${values}`,
        );
        inserts.set(rows, statement);
      }
      return statement;
    },
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
