import Database from 'better-sqlite3';

/**
 * Opens the keys file as every connection to it must be: WAL, a key durable once committed
 * (synchronous FULL) and secure_delete, so that a deleted key's bytes are zeroed in its pages.
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
  )`);
  return db;
}
