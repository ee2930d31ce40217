import Database from 'better-sqlite3';

/** Bumped with every change to the DDL below; a file from another version is refused, not guessed at. */
export const SCHEMA_VERSION = 1;

// AUTOINCREMENT keeps a position from ever being handed out twice, even after the newest row is gone.
// Times are integer milliseconds: compact and cheaper to turn back into Dates than ISO text.
const DDL = `
  CREATE TABLE IF NOT EXISTS events (
    global_position INTEGER PRIMARY KEY AUTOINCREMENT,
    stream_id       TEXT    NOT NULL,
    stream_version  INTEGER NOT NULL,
    event_id        TEXT    NOT NULL UNIQUE,
    type            TEXT    NOT NULL,
    schema_version  INTEGER NOT NULL,
    data            TEXT    NOT NULL,
    occurred_at     INTEGER NOT NULL,
    recorded_at     INTEGER NOT NULL,
    correlation_id  TEXT,
    causation_id    TEXT,
    actor           TEXT,
    UNIQUE (stream_id, stream_version)
  );
`;

export interface OpenOptions {
  /** How long a write waits for another process holding the file's write lock. */
  readonly busyTimeoutMs: number;
}

/** Opens the file with the settings durability depends on, creating the schema on first use. */
export function openEventDatabase(filename: string, options: OpenOptions): Database.Database {
  const db = new Database(filename, { timeout: options.busyTimeoutMs });
  try {
    // WAL lets readers (subscriptions, other processes) run beside a commit; FULL syncs the WAL on
    // every commit, so an acknowledged append survives power loss, not just a process crash.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('cache_size = -32768');
    // Positions exceed 2^53 only in theory, but a silently rounded position would skip events.
    db.defaultSafeIntegers(true);
    // IMMEDIATE: two processes opening a fresh file at once must not both create the schema.
    db.transaction(() => {
      const found = Number(db.pragma('user_version', { simple: true }));
      if (found === SCHEMA_VERSION) return;
      if (found !== 0) {
        throw new Error(
          `${filename} has event-store schema version ${found}; this build reads version ${SCHEMA_VERSION}`,
        );
      }
      db.exec(DDL);
      db.pragma(`user_version = ${SCHEMA_VERSION}`);
    }).immediate();
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
