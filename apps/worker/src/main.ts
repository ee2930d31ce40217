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

  const signalled = new Promise<string>((resolve) => {
    for (const signal of ['SIGTERM', 'SIGINT'] as const)
      process.once(signal, () => resolve(signal));
  });
  const outcome = await Promise.race([
    signalled.then((signal) => ({ signal, error: null })),
    worker.done.then(
      () => ({ signal: null, error: null }),
      (error: unknown) => ({ signal: null, error }),
    ),
  ]);
  if (outcome.signal) log(`${outcome.signal}: stopping`);
  if (outcome.error) {
    console.error(`[worker] a projection failed, stopping the others: ${String(outcome.error)}`);
  }
  await worker.stop();
  await store.close();
  await dataSource.destroy();
  log('stopped');
  // A failure exits non-zero so that the supervisor restarts the worker from its checkpoints.
  return outcome.error ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
