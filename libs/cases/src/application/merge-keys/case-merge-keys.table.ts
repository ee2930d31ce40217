import { inTransaction } from '@heard/projections';
import { DataSource, EntityManager, QueryRunner, Table } from 'typeorm';
import { MergeCandidate, MergeFacts, mergeKeyOf } from './merge-key';

const TABLE = 'case_merge_keys';
const SCHEMA_LOCK = 'heard:read-model-schema';

interface Row {
  readonly case_id: string;
  readonly customer_id: string;
  readonly store_id: string | null;
  readonly opened_at: string;
  readonly is_open: number | string;
}

const columns = [
  { name: 'merge_key', type: 'varchar', length: '64', isPrimary: true },
  { name: 'customer_id', type: 'varchar', length: '200' },
  { name: 'store_id', type: 'varchar', length: '200', isNullable: true },
  { name: 'category', type: 'varchar', length: '200' },
  { name: 'case_id', type: 'varchar', length: '200' },
  { name: 'opened_at', type: 'varchar', length: '24' },
  { name: 'is_open', type: 'integer' },
];

/**
 * The case reactor's own memory: for each customer|store|category, the latest case it opened and
 * whether that case is open. Written when the reactor decides, never from a projection, so two
 * complaints in a row see each other however far behind the read models are. Kept out of
 * `caseProjections`: a read-model rebuild must not drop it. Plain SQL with named parameters that
 * the driver rewrites, so it runs on SQLite and PostgreSQL alike.
 */
export class CaseMergeKeys {
  private ready: Promise<void> | null = null;

  constructor(private readonly dataSource: DataSource) {}

  async find(facts: MergeFacts): Promise<MergeCandidate | null> {
    const rows = await this.run<Row>(
      `SELECT case_id, customer_id, store_id, opened_at, is_open FROM ${this.table()} WHERE merge_key = :key`,
      { key: mergeKeyOf(facts) },
    );
    const row = rows[0];
    return row
      ? { caseId: row.case_id, openedAt: row.opened_at, open: Number(row.is_open) === 1 }
      : null;
  }

  /** The customer whose merge key names this case, if any. */
  async customerOf(caseId: string): Promise<string | null> {
    const [row] = await this.run<Row>(
      `SELECT case_id, customer_id, store_id, opened_at, is_open FROM ${this.table()} WHERE case_id = :caseId`,
      { caseId },
    );
    return row?.customer_id ?? null;
  }

  /** The key now points at `candidate`: the case the reactor has just decided to open. */
  claim(facts: MergeFacts, candidate: MergeCandidate): Promise<void> {
    return this.upsert(facts, candidate).then(() => undefined);
  }

  /** A resolved or closed case stops absorbing feedback; a reopened one absorbs again. */
  async markOpen(caseId: string, open: boolean): Promise<void> {
    await this.run(`UPDATE ${this.table()} SET is_open = :open WHERE case_id = :caseId`, {
      open: open ? 1 : 0,
      caseId,
    });
  }

  /** A recategorised case answers for its new category, unless another open case holds it. */
  async recategorize(caseId: string, category: string): Promise<void> {
    const [row] = await this.run<Row>(
      `SELECT case_id, customer_id, store_id, opened_at, is_open FROM ${this.table()} WHERE case_id = :caseId`,
      { caseId },
    );
    if (!row) return;
    const facts = { customerId: row.customer_id, storeId: row.store_id, category };
    const holder = await this.find(facts);
    if (holder !== null && holder.open && holder.caseId !== caseId) return;
    await this.run(`DELETE FROM ${this.table()} WHERE case_id = :caseId`, { caseId });
    await this.upsert(facts, {
      caseId,
      openedAt: row.opened_at,
      open: Number(row.is_open) === 1,
    });
  }

  private upsert(facts: MergeFacts, candidate: MergeCandidate): Promise<unknown> {
    return this.run(
      `INSERT INTO ${this.table()} (merge_key, customer_id, store_id, category, case_id, opened_at, is_open) ` +
        `VALUES (:key, :customerId, :storeId, :category, :caseId, :openedAt, :open) ` +
        `ON CONFLICT (merge_key) DO UPDATE SET case_id = excluded.case_id, ` +
        `opened_at = excluded.opened_at, is_open = excluded.is_open`,
      {
        key: mergeKeyOf(facts),
        customerId: facts.customerId,
        storeId: facts.storeId,
        category: facts.category,
        caseId: candidate.caseId,
        openedAt: candidate.openedAt,
        open: candidate.open ? 1 : 0,
      },
    );
  }

  private table(): string {
    const options = this.dataSource.options;
    const schema = options.type === 'postgres' ? options.schema : undefined;
    const escape = (name: string) => this.dataSource.driver.escape(name);
    return schema ? `${escape(schema)}.${escape(TABLE)}` : escape(TABLE);
  }

  /**
   * Each statement stands alone. On PostgreSQL it runs on a pooled connection as it is: wrapping
   * one statement in a transaction only adds a BEGIN and a COMMIT round trip. SQLite shares one
   * connection per file, where a bare statement would run inside whatever transaction is open on
   * it, so there it takes its turn in the queued transactions of @heard/projections.
   */
  private async run<T>(sql: string, parameters: Record<string, unknown>): Promise<T[]> {
    await this.ensureTable();
    const [query, values] = this.dataSource.driver.escapeQueryWithParameters(sql, parameters);
    if (this.dataSource.options.type === 'postgres') {
      return rowsOf<T>(this.dataSource.manager, query, values);
    }
    return inTransaction(this.dataSource, (manager) => rowsOf<T>(manager, query, values));
  }

  private ensureTable(): Promise<void> {
    this.ready ??= inTransaction(this.dataSource, async (manager) => {
      const runner = manager.queryRunner as QueryRunner;
      const options = this.dataSource.options;
      if (options.type === 'postgres') {
        // The same lock @heard/projections takes for schema changes, so processes take turns.
        await runner.query('SELECT pg_advisory_xact_lock(hashtext($1))', [SCHEMA_LOCK]);
        if (options.schema) await runner.query(`CREATE SCHEMA IF NOT EXISTS "${options.schema}"`);
      }
      const table = new Table({
        name: TABLE,
        columns,
        indices: [{ name: 'case_merge_keys_case_idx', columnNames: ['case_id'] }],
      });
      await runner.createTable(table, true);
    }).catch((error: unknown) => {
      this.ready = null;
      throw error;
    });
    return this.ready;
  }
}

async function rowsOf<T>(manager: EntityManager, sql: string, values: unknown[]): Promise<T[]> {
  const result: unknown = await manager.query(sql, values);
  // SELECT answers rows; the other statements answer driver-specific shapes we do not need.
  return Array.isArray(result) ? (result as T[]) : [];
}
