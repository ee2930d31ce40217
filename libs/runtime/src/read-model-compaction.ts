import { readCheckpoint } from '@heard/projections';
import { DataSource, EntitySchema } from 'typeorm';

type Entity = (new () => object) | EntitySchema;

/** Whether the projection has applied the event at `position`, asked until the deadline. */
export async function readModelsReached(
  dataSource: DataSource,
  projection: string,
  position: bigint,
  deadlineMs: number,
): Promise<boolean> {
  const until = Date.now() + deadlineMs;
  for (;;) {
    const checkpoint = await readCheckpoint(dataSource.manager, projection);
    if (checkpoint !== null && checkpoint >= position) return true;
    if (Date.now() >= until) return false;
    await new Promise<void>((resolve) => setTimeout(resolve, 25));
  }
}

/**
 * Makes rows that were overwritten gone from the files too. SQLite (secure_delete on, see
 * read-model-data-source.factory.ts) keeps the old pages in its WAL until a TRUNCATE checkpoint;
 * PostgreSQL keeps dead tuples in the table's files until VACUUM FULL rewrites them.
 */
export async function compactReadModels(
  dataSource: DataSource,
  entities: readonly Entity[],
): Promise<void> {
  if (dataSource.options.type === 'postgres') {
    for (const entity of entities) {
      const metadata = dataSource.getMetadata(entity);
      const table = metadata.schema
        ? `"${metadata.schema}"."${metadata.tableName}"`
        : `"${metadata.tableName}"`;
      await dataSource.query(`VACUUM FULL ${table}`);
    }
    return;
  }
  for (let attempt = 0; ; attempt++) {
    const [result] = (await dataSource.query('PRAGMA wal_checkpoint(TRUNCATE)')) as {
      busy: number;
    }[];
    if (result.busy === 0) return;
    if (attempt >= 100) throw new Error('the read models WAL stayed busy: it was not truncated');
    await new Promise<void>((resolve) => setTimeout(resolve, 50));
  }
}
