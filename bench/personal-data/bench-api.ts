/**
 * The API as `npm start` runs it (subscriptions in a worker thread), from source, for the HTTP
 * rounds of bench:personal-data. With `--unsealed` this thread appends without sealing (the
 * subscriptions thread still opens through the sealing store, and finds nothing sealed): the one
 * difference between the two servers it compares is sealing on intake and opening in projections.
 */
import 'reflect-metadata';
import { loadConfig } from '@heard/config';
import { forwardingTo } from '@heard/event-store/testing';
import { createHeardEventStore } from '@heard/runtime';
import { createApp } from '../../apps/api/src/bootstrap';

const unsealed: typeof createHeardEventStore = async (config, clock, options) => {
  const heard = await createHeardEventStore(config, clock, options);
  // Closes the key table too, as the sealing store's close does.
  const store = forwardingTo(heard.raw, { close: () => heard.store.close() });
  return { ...heard, store };
};

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApp(config, {
    subscriptionsIn: 'worker-thread',
    logger: false,
    openEventStore: process.argv.includes('--unsealed') ? unsealed : undefined,
  });
  await app.listen(config.port, config.host);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
