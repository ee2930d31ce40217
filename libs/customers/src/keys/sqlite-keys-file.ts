import Database from 'better-sqlite3';

/**
 * Opens the keys file as every connection to it must be: WAL, a key durable once committed
 * (synchronous FULL) and secure_delete, so that a deleted key's bytes are zeroed in its pages.
 * Triggers bump the key generation on every delete or re-wrap, whichever connection makes it
 * (see DataKeyTable.generation).
 */
export function openKeysFile(file: string): Database.Database {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('secure_delete = ON');
  db.pragma('busy_timeout = 5000');
  db.exec(`CREATE TABLE IF NOT EXISTS data_keys (
    key_id TEXT PRIMARY KEY,
    owner TEXT NOT NULL UNIQUE,
    wrapped BLOB NOT NULL,
    master_key_id TEXT NOT NULL
  );
  CREATE TABLE IF NOT EXISTS data_key_generation (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    generation INTEGER NOT NULL
  );
  INSERT OR IGNORE INTO data_key_generation (id, generation) VALUES (1, 0);
  CREATE TRIGGER IF NOT EXISTS data_key_deleted AFTER DELETE ON data_keys BEGIN
    UPDATE data_key_generation SET generation = generation + 1 WHERE id = 1;
  END;
  CREATE TRIGGER IF NOT EXISTS data_key_rewrapped AFTER UPDATE ON data_keys BEGIN
    UPDATE data_key_generation SET generation = generation + 1 WHERE id = 1;
  END`);
  return db;
}
