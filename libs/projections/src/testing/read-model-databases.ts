import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { ReadModelEntity } from '../projection';

/** A fresh, empty read-model database; every `open` is another connection to the same one. */
export interface ReadModelDatabase {
  open(entities: readonly ReadModelEntity[]): Promise<DataSource>;
  /** Closes what `open` returned and removes the database. */
  dispose(): Promise<void>;
}

export type ReadModelDatabaseFactory = () => Promise<ReadModelDatabase>;

function tracking(
  options: (entities: readonly ReadModelEntity[]) => ConstructorParameters<typeof DataSource>[0],
  cleanup: () => Promise<void>,
): ReadModelDatabase {
  const opened: DataSource[] = [];
  return {
    open: async (entities) => {
      const dataSource = await new DataSource(options(entities)).initialize();
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
    (entities) => ({
      type: 'better-sqlite3',
      database: join(dir, 'read-models.sqlite'),
      enableWAL: true,
      entities: [...entities],
    }),
    async () => rmSync(dir, { recursive: true, force: true }),
  );
};

/** A schema of its own in the PostgreSQL database the int tests were given. */
export function postgresSchemaDatabase(url: string): ReadModelDatabaseFactory {
  return async () => {
    const schema = `heard_projections_${randomBytes(4).toString('hex')}`;
    const database = tracking(
      (entities) => ({ type: 'postgres', url, schema, entities: [...entities] }),
      async () => {
        const admin = await new DataSource({ type: 'postgres', url }).initialize();
        await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
        await admin.destroy();
      },
    );
    return database;
  };
}
