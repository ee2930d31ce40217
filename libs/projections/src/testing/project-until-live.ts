/**
 * Child process of the kill test: runs the stream catalog and the ledger over a SQLite event
 * store into the given read models, small batches so that there are many commits to die between,
 * and exits 0 once both are live at the head of the log.
 * Usage: project-until-live <events.sqlite> <read-model connection as JSON>
 */
import 'reflect-metadata';
import { SqliteEventStore } from '@heard/event-store-sqlite';
import { readModelEntities } from '../read-model-entities';
import { ProjectionRunner } from '../runner/projection-runner';
import { streamCatalogProjection } from '../stream-catalog/stream-catalog.projection';
import { ledgerProjection } from './ledger.projection';
import { openReadModels, ReadModelConnection } from './read-model-databases';
import { waitUntilCaughtUp } from './run-until';

export const KILL_TEST_PROJECTIONS = [streamCatalogProjection, ledgerProjection];

async function main(eventsFile: string, connection: ReadModelConnection): Promise<void> {
  const store = new SqliteEventStore(eventsFile);
  const dataSource = await openReadModels(connection, readModelEntities(KILL_TEST_PROJECTIONS));
  const runners = KILL_TEST_PROJECTIONS.map(
    (projection) => new ProjectionRunner(projection, store, dataSource, { batchSize: 10 }),
  );
  for (const runner of runners) await runner.start();
  for (const runner of runners) await waitUntilCaughtUp(runner, store, 120_000);
  for (const runner of runners) await runner.stop();
  await store.close();
  await dataSource.destroy();
  process.stdout.write('live\n');
}

if (require.main === module) {
  const [eventsFile, connection] = process.argv.slice(2);
  main(eventsFile, JSON.parse(connection) as ReadModelConnection).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
