import 'reflect-metadata';
import { loadConfig } from '@heard/config';
import { EventStore, systemClock } from '@heard/event-store';
import { readModelEntities } from '@heard/projections';
import { createHeardEventStore, createReadModelDataSource } from '@heard/runtime';
import { DataSource } from 'typeorm';
import { projections } from '@heard/subscriptions';
import { runRebuild } from './rebuild-command';

/** `npm run projections:rebuild -- <name|all>`: stop the worker's copy of it first. */
async function main(): Promise<number> {
  const opened: { store?: EventStore; dataSource?: DataSource } = {};
  try {
    return await runRebuild(process.argv.slice(2), {
      projections,
      clock: systemClock,
      out: (line) => console.log(line),
      err: (line) => console.error(line),
      open: async () => {
        const config = loadConfig();
        const heard = await createHeardEventStore(config, systemClock);
        const store = (opened.store = heard.store);
        const entities = readModelEntities(projections);
        const dataSource = (opened.dataSource = await createReadModelDataSource(config, entities));
        return { store, dataSource, storedEvents: heard.raw };
      },
    });
  } finally {
    await opened.store?.close();
    await opened.dataSource?.destroy();
  }
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
