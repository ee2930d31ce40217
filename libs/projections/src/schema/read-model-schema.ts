import { DataSource, QueryRunner, Table } from 'typeorm';
import { ReadModelEntity } from '../projection';
import { inTransaction } from './in-transaction';

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

/** Creates missing tables (with their indices) from entity metadata; existing ones are kept. */
export function ensureTables(
  dataSource: DataSource,
  entities: readonly ReadModelEntity[],
): Promise<void> {
  return schemaTransaction(dataSource, async (runner) => {
    for (const table of tablesOf(dataSource, entities)) await runner.createTable(table, true);
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
      await runner.dropTable(table, true);
      await runner.createTable(table, true);
    }
    await after(runner);
  });
}
