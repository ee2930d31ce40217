import type { ReadModelDatabaseFactory } from '@heard/projections/testing';
import { DataSource } from 'typeorm';

/**
 * A read-model database in memory for unit tests. An in-memory SQLite database lives and dies
 * with its connection, so every `open` answers the one data source opened first.
 */
export const memorySqliteDatabase: ReadModelDatabaseFactory = async () => {
  let opened: Promise<DataSource> | null = null;
  return {
    connection: { type: 'better-sqlite3', database: ':memory:', enableWAL: false },
    open: (entities) =>
      (opened ??= new DataSource({
        type: 'better-sqlite3',
        database: ':memory:',
        entities: [...entities],
      }).initialize()),
    dispose: async () => {
      const dataSource = await opened;
      if (dataSource?.isInitialized) await dataSource.destroy();
    },
  };
};
