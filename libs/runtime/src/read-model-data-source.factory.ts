import { HeardConfig } from '@heard/config';
import { DataSource, DataSourceOptions, EntitySchema } from 'typeorm';
import { dataFile, READ_MODELS_FILE } from './data-files';

type ReadModelSettings = Pick<HeardConfig, 'dataDir' | 'databaseUrl'>;
type Entity = (new () => object) | EntitySchema;

export interface ReadModelDataSourceOptions {
  /** PostgreSQL schema for the read models; the server's default (`public`) when absent. */
  readonly schema?: string;
}

/**
 * Where read models live: PostgreSQL when DATABASE_URL is set, else a SQLite file in DATA_DIR.
 * Tables are made by the projection runners from their entities, never by `synchronize`.
 */
export function readModelDataSourceOptions(
  config: ReadModelSettings,
  entities: readonly Entity[],
  options: ReadModelDataSourceOptions = {},
): DataSourceOptions {
  if (config.databaseUrl !== null) {
    return {
      type: 'postgres',
      url: config.databaseUrl,
      schema: options.schema,
      entities: [...entities],
      applicationName: 'heard-read-models',
      // Every projection holds one during its batch, and the reactor's lanes query beside them.
      poolSize: 20,
    };
  }
  return {
    type: 'better-sqlite3',
    database: dataFile(config, READ_MODELS_FILE),
    // WAL lets the API read while the worker writes, and the rebuild CLI run beside both.
    enableWAL: true,
    // Read models are derived from the log and each batch commits with its checkpoint, so a
    // power cut can only take back whole batches, which are then applied again. That makes the
    // fsync per commit that FULL costs (the largest part of a small batch) not worth paying.
    prepareDatabase: (db: { pragma(source: string): unknown }) => {
      db.pragma('synchronous = NORMAL');
      // An erasure's redaction must not leave the words in the page's free space.
      db.pragma('secure_delete = ON');
    },
    entities: [...entities],
  };
}

export function createReadModelDataSource(
  config: ReadModelSettings,
  entities: readonly Entity[],
  options: ReadModelDataSourceOptions = {},
): Promise<DataSource> {
  return new DataSource(readModelDataSourceOptions(config, entities, options)).initialize();
}
