import 'reflect-metadata';
import { loadConfig } from '@heard/config';
import { systemClock } from '@heard/event-store';
import { readModelEntities } from '@heard/projections';
import { createEventStore, createReadModelDataSource } from '@heard/runtime';
import { projections, reactors } from '@heard/subscriptions';
import { startWorker } from './worker';

const log = (line: string) => console.log(`[worker] ${line}`);

async function main(): Promise<number> {
  const config = loadConfig();
  const store = await createEventStore(config, systemClock);
  const dataSource = await createReadModelDataSource(config, readModelEntities(projections));
  const worker = await startWorker({
    store,
    dataSource,
    projections,
    reactors: reactors({ store, dataSource, clock: systemClock, config }),
    clock: systemClock,
    log,
  });
  log(`running ${projections.length} projection(s) over the ${config.eventStore} event store`);

  // A failing runner retries, or stops alone when another worker owns its checkpoint: either way
  // it is logged and shows in its status, and the others go on. Only a signal ends the process.
  const signal = await new Promise<string>((resolve) => {
    for (const name of ['SIGTERM', 'SIGINT'] as const) process.once(name, () => resolve(name));
  });
  log(`${signal}: stopping`);
  await worker.stop();
  await store.close();
  await dataSource.destroy();
  log('stopped');
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
