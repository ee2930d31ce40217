import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource, DataSourceOptions } from 'typeorm';
import { ReadModelEntity } from '../projection';

/** How to reach a database, without the entities: plain JSON, so a child process can use it. */
export type ReadModelConnection =
  | { readonly type: 'better-sqlite3'; readonly database: string; readonly enableWAL: boolean }
  | { readonly type: 'postgres'; readonly url: string; readonly schema: string };

export function openReadModels(
  connection: ReadModelConnection,
  entities: readonly ReadModelEntity[],
): Promise<DataSource> {
  const options: DataSourceOptions = { ...connection, entities: [...entities] };
  return new DataSource(options).initialize();
}

/** A fresh, empty read-model database; every `open` is another connection to the same one. */
export interface ReadModelDatabase {
  readonly connection: ReadModelConnection;
  open(entities: readonly ReadModelEntity[]): Promise<DataSource>;
  /** Closes what `open` returned and removes the database. */
  dispose(): Promise<void>;
}

export type ReadModelDatabaseFactory = () => Promise<ReadModelDatabase>;

function tracking(
  connection: ReadModelConnection,
  cleanup: () => Promise<void>,
): ReadModelDatabase {
  const opened: DataSource[] = [];
  return {
    connection,
    open: async (entities) => {
      const dataSource = await openReadModels(connection, entities);
      opened.push(dataSource);
      return dataSource;
    },
    dispose: async () => {
      for (const dataSource of opened) if (dataSource.isInitialized) await dataSource.destroy();
      await cleanup();
    },
  };
}

/** A SQLite file in a temporary directory, as the embedded default uses. */
export const sqliteFileDatabase: ReadModelDatabaseFactory = async () => {
  const dir = mkdtempSync(join(tmpdir(), 'heard-read-models-'));
  return tracking(
    { type: 'better-sqlite3', database: join(dir, 'read-models.sqlite'), enableWAL: true },
    async () => rmSync(dir, { recursive: true, force: true }),
  );
};

/** A schema of its own in the PostgreSQL database the int tests were given. */
export function postgresSchemaDatabase(url: string): ReadModelDatabaseFactory {
  return async () => {
    const schema = `heard_projections_${randomBytes(4).toString('hex')}`;
    return tracking({ type: 'postgres', url, schema }, async () => {
      const admin = await new DataSource({ type: 'postgres', url }).initialize();
      await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await admin.destroy();
    });
  };
}

/**
 * Both databases read models run on, named for `describe.each`: a SQLite file, and a schema of
 * its own in the PostgreSQL database the int tests were given (TEST_DATABASE_URL).
 */
export function readModelDatabasesUnderTest(): [string, ReadModelDatabaseFactory][] {
  return [
    ['SQLite file', sqliteFileDatabase],
    ['PostgreSQL schema', postgresSchemaDatabase(process.env.TEST_DATABASE_URL as string)],
  ];
}
