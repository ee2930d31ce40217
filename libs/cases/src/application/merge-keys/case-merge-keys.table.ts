import { BatchedCalls } from '@heard/event-store';
import { inTransaction, withoutTransaction } from '@heard/projections';
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

interface ClaimRow {
  readonly facts: MergeFacts;
  readonly candidate: MergeCandidate;
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
  // The reactor works many customers side by side, each asking for one key at a time: the
  // questions of one moment share a statement instead of each paying its own round trip.
  private readonly finds = new BatchedCalls((keys: readonly string[]) => this.findMany(keys));
  private readonly customers = new BatchedCalls((ids: readonly string[]) => this.customersOf(ids));
  private readonly claims = new BatchedCalls((rows: readonly ClaimRow[]) => this.upsertMany(rows));

  constructor(private readonly dataSource: DataSource) {}

  find(facts: MergeFacts): Promise<MergeCandidate | null> {
    return this.finds.call(mergeKeyOf(facts));
  }

  /** The customer whose merge key names this case, if any. */
  customerOf(caseId: string): Promise<string | null> {
    return this.customers.call(caseId);
  }

  /** The key now points at `candidate`: the case the reactor has just decided to open. */
  async claim(facts: MergeFacts, candidate: MergeCandidate): Promise<void> {
    await this.claims.call({ facts, candidate });
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
    await this.claim(facts, {
      caseId,
      openedAt: row.opened_at,
      open: Number(row.is_open) === 1,
    });
  }

  private async findMany(keys: readonly string[]): Promise<(MergeCandidate | null)[]> {
    const rows = await this.run<Row & { readonly merge_key: string }>(
      `SELECT merge_key, case_id, customer_id, store_id, opened_at, is_open FROM ${this.table()} WHERE merge_key IN (:...keys)`,
      { keys: [...new Set(keys)] },
    );
    const byKey = new Map(rows.map((row) => [row.merge_key, row]));
    return keys.map((key) => {
      const row = byKey.get(key);
      return row
        ? { caseId: row.case_id, openedAt: row.opened_at, open: Number(row.is_open) === 1 }
        : null;
    });
  }

  private async customersOf(caseIds: readonly string[]): Promise<(string | null)[]> {
    const rows = await this.run<Row>(
      `SELECT case_id, customer_id FROM ${this.table()} WHERE case_id IN (:...caseIds)`,
      { caseIds: [...new Set(caseIds)] },
    );
    const byCase = new Map(rows.map((row) => [row.case_id, row.customer_id]));
    return caseIds.map((id) => byCase.get(id) ?? null);
  }

  /**
   * One statement for many claims. A key claimed twice in one batch keeps the later claim, as two
   * upserts one after the other would: PostgreSQL refuses to update one row twice in a statement.
   */
  private async upsertMany(claims: readonly ClaimRow[]): Promise<void[]> {
    const latest = new Map<string, ClaimRow>();
    for (const claim of claims) latest.set(mergeKeyOf(claim.facts), claim);
    const parameters: Record<string, unknown> = {};
    const values = [...latest].map(([key, { facts, candidate }], i) => {
      Object.assign(parameters, {
        [`key${i}`]: key,
        [`customerId${i}`]: facts.customerId,
        [`storeId${i}`]: facts.storeId,
        [`category${i}`]: facts.category,
        [`caseId${i}`]: candidate.caseId,
        [`openedAt${i}`]: candidate.openedAt,
        [`open${i}`]: candidate.open ? 1 : 0,
      });
      return `(:key${i}, :customerId${i}, :storeId${i}, :category${i}, :caseId${i}, :openedAt${i}, :open${i})`;
    });
    await this.run(
      `INSERT INTO ${this.table()} (merge_key, customer_id, store_id, category, case_id, opened_at, is_open) ` +
        `VALUES ${values.join(', ')} ` +
        `ON CONFLICT (merge_key) DO UPDATE SET case_id = excluded.case_id, ` +
        `opened_at = excluded.opened_at, is_open = excluded.is_open`,
      parameters,
    );
    return claims.map(() => undefined);
  }

  private table(): string {
    const options = this.dataSource.options;
    const schema = options.type === 'postgres' ? options.schema : undefined;
    const escape = (name: string) => this.dataSource.driver.escape(name);
    return schema ? `${escape(schema)}.${escape(TABLE)}` : escape(TABLE);
  }

  private async run<T>(sql: string, parameters: Record<string, unknown>): Promise<T[]> {
    await this.ensureTable();
    const [query, values] = this.dataSource.driver.escapeQueryWithParameters(sql, parameters);
    return withoutTransaction(this.dataSource, (manager) => rowsOf<T>(manager, query, values));
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
