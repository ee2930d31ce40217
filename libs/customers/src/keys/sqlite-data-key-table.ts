import Database from 'better-sqlite3';
import { DataKeyRow, DataKeyTable } from './data-key-table';

interface StoredKey {
  key_id: string;
  owner: string;
  wrapped: Buffer;
  master_key_id: string;
}

const rowOf = (r: StoredKey): DataKeyRow => ({
  keyId: r.key_id,
  owner: r.owner,
  wrapped: r.wrapped,
  masterKeyId: r.master_key_id,
});

/** SQLite has a limit on bound parameters; lists are asked for in slices of this many. */
const SLICE = 500;

function slices<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += SLICE) out.push(items.slice(i, i + SLICE));
  return out;
}

/**
 * Data keys in a SQLite file beside the events. A key is committed (synchronous FULL) before the
 * event it seals is appended, and secure_delete zeroes a deleted key's bytes in the file's pages.
 */
export class SqliteDataKeyTable implements DataKeyTable {
  private readonly db: Database.Database;

  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('secure_delete = ON');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(`CREATE TABLE IF NOT EXISTS data_keys (
      key_id TEXT PRIMARY KEY,
      owner TEXT NOT NULL UNIQUE,
      wrapped BLOB NOT NULL,
      master_key_id TEXT NOT NULL
    )`);
  }

  async keysOf(
    owners: readonly string[],
    create: (owner: string) => DataKeyRow,
  ): Promise<DataKeyRow[]> {
    const unique = [...new Set(owners)];
    const insert = this.db.prepare(
      'INSERT INTO data_keys (key_id, owner, wrapped, master_key_id) VALUES (?, ?, ?, ?) ON CONFLICT (owner) DO NOTHING',
    );
    const run = this.db.transaction(() => {
      const found = this.byOwner(unique);
      const known = new Set(found.map((r) => r.owner));
      const missing = unique.filter((o) => !known.has(o));
      if (missing.length === 0) return found;
      for (const row of missing.map(create))
        insert.run(row.keyId, row.owner, row.wrapped, row.masterKeyId);
      return this.byOwner(unique);
    });
    return run.immediate();
  }

  private byOwner(owners: readonly string[]): DataKeyRow[] {
    return slices(owners).flatMap((part) =>
      (
        this.db
          .prepare(`SELECT * FROM data_keys WHERE owner IN (${part.map(() => '?').join(',')})`)
          .all(...part) as StoredKey[]
      ).map(rowOf),
    );
  }

  async find(keyIds: readonly string[]): Promise<DataKeyRow[]> {
    const unique = [...new Set(keyIds)];
    return slices(unique).flatMap((part) =>
      (
        this.db
          .prepare(`SELECT * FROM data_keys WHERE key_id IN (${part.map(() => '?').join(',')})`)
          .all(...part) as StoredKey[]
      ).map(rowOf),
    );
  }

  async deleteOwner(owner: string): Promise<number> {
    return this.db.prepare('DELETE FROM data_keys WHERE owner = ?').run(owner).changes;
  }

  async rewrapAll(rewrap: (row: DataKeyRow) => DataKeyRow): Promise<number> {
    const update = this.db.prepare(
      'UPDATE data_keys SET wrapped = ?, master_key_id = ? WHERE key_id = ?',
    );
    const run = this.db.transaction(() => {
      const rows = (this.db.prepare('SELECT * FROM data_keys').all() as StoredKey[]).map(rowOf);
      for (const row of rows.map(rewrap)) update.run(row.wrapped, row.masterKeyId, row.keyId);
      return rows.length;
    });
    const count = run.immediate();
    await this.compact();
    return count;
  }

  async masterKeyIds(): Promise<string[]> {
    const rows = this.db.prepare('SELECT DISTINCT master_key_id FROM data_keys').all() as {
      master_key_id: string;
    }[];
    return rows.map((r) => r.master_key_id);
  }

  /** The WAL still holds the pages as they were before a delete until it is checkpointed and truncated. */
  async compact(): Promise<void> {
    await truncateWal(this.db);
  }

  async close(): Promise<void> {
    this.db.close();
  }
}

/**
 * checkpoint(TRUNCATE) copies every WAL frame into the file and empties the WAL; it answers busy
 * while another connection reads an older snapshot, so it is tried again for a while.
 */
export async function truncateWal(
  db: { pragma(source: string): unknown },
  attempts = 20,
): Promise<void> {
  for (let i = 0; i < attempts; i++) {
    // With busy_timeout set, each attempt itself waits for readers up to that long.
    const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
    if (result.busy === 0) return;
    await new Promise<void>((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the SQLite WAL could not be checkpointed: a reader held it throughout');
}
