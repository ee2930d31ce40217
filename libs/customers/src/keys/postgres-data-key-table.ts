import { Pool } from 'pg';
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

export interface PostgresDataKeyTableOptions {
  readonly connectionString: string;
  /** The event store's schema: keys live beside the events. */
  readonly schema: string;
  readonly poolSize?: number;
}

/** Data keys in a PostgreSQL table beside the events (`<schema>.data_keys`). */
export class PostgresDataKeyTable implements DataKeyTable {
  private constructor(
    private readonly pool: Pool,
    private readonly table: string,
    private readonly generationTable: string,
  ) {}

  static async open(options: PostgresDataKeyTableOptions): Promise<PostgresDataKeyTable> {
    const pool = new Pool({
      connectionString: options.connectionString,
      max: options.poolSize ?? 4,
      application_name: 'heard-data-keys',
    });
    // An idle connection the server ends (a restart, a dropped database) is the pool's to replace;
    // without a listener its error event would end the process.
    pool.on('error', () => undefined);
    const schema = `"${options.schema.replace(/"/g, '""')}"`;
    const table = `${schema}.data_keys`;
    const generation = `${schema}.data_key_generation`;
    const bump = `${schema}.data_key_bump_generation`;
    try {
      // Two processes starting at once must not both try to create the table.
      const client = await pool.connect();
      try {
        await client.query('SELECT pg_advisory_lock(hashtext($1))', [table]);
        await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
        await client.query(`CREATE TABLE IF NOT EXISTS ${table} (
          key_id text PRIMARY KEY,
          owner text NOT NULL UNIQUE,
          wrapped bytea NOT NULL,
          master_key_id text NOT NULL
        )`);
        // Statement triggers: an erasure or a rotation bumps the generation once, in its own
        // transaction, whichever process runs it (see DataKeyTable.generation).
        await client.query(`CREATE TABLE IF NOT EXISTS ${generation} (
          id int PRIMARY KEY CHECK (id = 1),
          generation bigint NOT NULL
        )`);
        await client.query(
          `INSERT INTO ${generation} (id, generation) VALUES (1, 0) ON CONFLICT (id) DO NOTHING`,
        );
        await client.query(`CREATE OR REPLACE FUNCTION ${bump}() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN
            UPDATE ${generation} SET generation = generation + 1 WHERE id = 1;
            RETURN NULL;
          END $$`);
        await client.query(`CREATE OR REPLACE TRIGGER data_key_changed
          AFTER DELETE OR UPDATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION ${bump}()`);
      } finally {
        await client.query('SELECT pg_advisory_unlock(hashtext($1))', [table]).catch(() => null);
        client.release();
      }
    } catch (error) {
      await pool.end();
      throw error;
    }
    return new PostgresDataKeyTable(pool, table, generation);
  }

  async keysOf(
    owners: readonly string[],
    create: (owner: string) => DataKeyRow,
  ): Promise<DataKeyRow[]> {
    const unique = [...new Set(owners)];
    const found = await this.byOwner(unique);
    const known = new Set(found.map((r) => r.owner));
    const missing = unique.filter((o) => !known.has(o)).map(create);
    if (missing.length === 0) return found;
    await this.pool.query(
      `INSERT INTO ${this.table} (key_id, owner, wrapped, master_key_id)
       SELECT * FROM unnest($1::text[], $2::text[], $3::bytea[], $4::text[])
       ON CONFLICT (owner) DO NOTHING`,
      [
        missing.map((r) => r.keyId),
        missing.map((r) => r.owner),
        missing.map((r) => r.wrapped),
        missing.map((r) => r.masterKeyId),
      ],
    );
    // A racing writer's key wins for its owner; everyone then reads the same one.
    return this.byOwner(unique);
  }

  private async byOwner(owners: readonly string[]): Promise<DataKeyRow[]> {
    const result = await this.pool.query<StoredKey>(
      `SELECT * FROM ${this.table} WHERE owner = ANY($1::text[])`,
      [owners],
    );
    return result.rows.map(rowOf);
  }

  async find(keyIds: readonly string[]): Promise<DataKeyRow[]> {
    if (keyIds.length === 0) return [];
    const result = await this.pool.query<StoredKey>(
      `SELECT * FROM ${this.table} WHERE key_id = ANY($1::text[])`,
      [[...new Set(keyIds)]],
    );
    return result.rows.map(rowOf);
  }

  async generation(): Promise<number> {
    const result = await this.pool.query<{ generation: string }>(
      `SELECT generation FROM ${this.generationTable} WHERE id = 1`,
    );
    return Number(result.rows[0].generation);
  }

  async deleteOwner(owner: string): Promise<number> {
    const result = await this.pool.query(`DELETE FROM ${this.table} WHERE owner = $1`, [owner]);
    return result.rowCount ?? 0;
  }

  async rewrapAll(rewrap: (row: DataKeyRow) => DataKeyRow): Promise<number> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const rows = (await client.query<StoredKey>(`SELECT * FROM ${this.table} FOR UPDATE`)).rows;
      const next = rows.map(rowOf).map(rewrap);
      await client.query(
        `UPDATE ${this.table} k SET wrapped = n.wrapped, master_key_id = n.master_key_id
         FROM unnest($1::text[], $2::bytea[], $3::text[]) AS n(key_id, wrapped, master_key_id)
         WHERE k.key_id = n.key_id`,
        [next.map((r) => r.keyId), next.map((r) => r.wrapped), next.map((r) => r.masterKeyId)],
      );
      await client.query('COMMIT');
      await this.compact();
      return rows.length;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => null);
      throw error;
    } finally {
      client.release();
    }
  }

  async masterKeyIds(): Promise<string[]> {
    const result = await this.pool.query<{ master_key_id: string }>(
      `SELECT DISTINCT master_key_id FROM ${this.table}`,
    );
    return result.rows.map((r) => r.master_key_id);
  }

  /** VACUUM FULL rewrites the table into new files, so dead tuples of deleted keys leave the table's files. */
  async compact(): Promise<void> {
    await this.pool.query(`VACUUM FULL ${this.table}`);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
