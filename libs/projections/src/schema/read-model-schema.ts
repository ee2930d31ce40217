import { DataSource, QueryRunner, Table } from 'typeorm';
import { ReadModelEntity } from '../projection';
import { inTransaction } from './in-transaction';
import { ReadModelSchemaError } from './read-model-schema.error';

/** Serialises schema changes between processes sharing one PostgreSQL database. */
const SCHEMA_LOCK = 'heard:read-model-schema';

function tablesOf(dataSource: DataSource, entities: readonly ReadModelEntity[]): Table[] {
  return entities.map((entity) => Table.create(dataSource.getMetadata(entity), dataSource.driver));
}

/** Runs schema work in one transaction; on PostgreSQL under an advisory lock held until commit. */
function schemaTransaction(
  dataSource: DataSource,
  work: (runner: QueryRunner) => Promise<void>,
): Promise<void> {
  return inTransaction(dataSource, async (manager) => {
    const runner = manager.queryRunner as QueryRunner;
    if (dataSource.options.type === 'postgres') {
      await runner.query('SELECT pg_advisory_xact_lock(hashtext($1))', [SCHEMA_LOCK]);
      const schema = dataSource.options.schema;
      if (schema) await runner.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    }
    await work(runner);
  });
}

/**
 * Creates missing tables (with their indices) from entity metadata. Existing ones are kept, but
 * one that lacks a column its entity declares is refused: the fix is a rebuild, not a crash on
 * the first insert. `owner` names the projection in that refusal.
 */
export function ensureTables(
  dataSource: DataSource,
  entities: readonly ReadModelEntity[],
  owner?: string,
): Promise<void> {
  return schemaTransaction(dataSource, async (runner) => {
    for (const table of tablesOf(dataSource, entities)) {
      const existing = await runner.getTable(table.name);
      if (!existing) {
        await runner.createTable(table, true);
        continue;
      }
      const missing = table.columns
        .map((c) => c.name)
        .filter((name) => !existing.columns.some((c) => c.name === name));
      if (missing.length > 0) throw new ReadModelSchemaError(table.name, missing, owner);
    }
  });
}

/**
 * Drops and recreates the tables, then runs `after` in the same transaction, so that a reader
 * never sees empty tables next to a checkpoint that says they are full.
 */
export function recreateTables(
  dataSource: DataSource,
  entities: readonly ReadModelEntity[],
  after: (runner: QueryRunner) => Promise<void>,
): Promise<void> {
  return schemaTransaction(dataSource, async (runner) => {
    for (const table of tablesOf(dataSource, entities)) {
      // By name: the stored table may be older than the entity, with other indices to drop.
      await runner.dropTable(table.name, true);
      await runner.createTable(table, true);
    }
    await after(runner);
  });
}
