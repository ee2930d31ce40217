import Database from 'better-sqlite3';
import { DataKeyRow, DataKeyTable } from './data-key-table';
import { SqliteKeyWriter } from './sqlite-key-writer';
import { openKeysFile } from './sqlite-keys-file';

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
 * Data keys in a SQLite file beside the events. A new key is committed (synchronous FULL) by a
 * thread of its own before the event it seals is appended; look-ups read on the caller's thread.
 */
export class SqliteDataKeyTable implements DataKeyTable {
  private readonly db: Database.Database;
  /** Key look-ups run once per batch of events: their statements are prepared once per size. */
  private readonly statements = new Map<string, Database.Statement>();
  private generationQuery: Database.Statement | null = null;

  private readonly writer: SqliteKeyWriter;

  constructor(file: string) {
    this.db = openKeysFile(file);
    this.writer = new SqliteKeyWriter(file);
  }

  async keysOf(
    owners: readonly string[],
    create: (owner: string) => DataKeyRow,
  ): Promise<DataKeyRow[]> {
    const unique = [...new Set(owners)];
    const found = this.byOwner(unique);
    const known = new Set(found.map((r) => r.owner));
    const missing = unique.filter((o) => !known.has(o));
    if (missing.length === 0) return found;
    await this.writer.insert(missing.map(create));
    // A racing writer's key wins for its owner; everyone then reads the same one.
    return this.byOwner(unique);
  }

  private select(column: 'owner' | 'key_id', values: readonly string[]): DataKeyRow[] {
    return slices(values).flatMap((part) => {
      const name = `${column}:${part.length}`;
      let statement = this.statements.get(name);
      if (!statement) {
        const list = part.map(() => '?').join(',');
        statement = this.db.prepare(`SELECT * FROM data_keys WHERE ${column} IN (${list})`);
        this.statements.set(name, statement);
      }
      return (statement.all(...part) as StoredKey[]).map(rowOf);
    });
  }

  private byOwner(owners: readonly string[]): DataKeyRow[] {
    return this.select('owner', owners);
  }

  async find(keyIds: readonly string[]): Promise<DataKeyRow[]> {
    return this.select('key_id', [...new Set(keyIds)]);
  }

  async generation(): Promise<number> {
    this.generationQuery ??= this.db.prepare(
      'SELECT generation FROM data_key_generation WHERE id = 1',
    );
    return (this.generationQuery.get() as { generation: number }).generation;
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
    await this.writer.close();
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
