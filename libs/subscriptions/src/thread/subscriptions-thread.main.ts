/**
 * The subscriptions thread: every projection and reactor of the API process, on their own event
 * loop, so that catching up and applying never delays an HTTP answer, and a second core helps.
 * It opens its own connections to the event store and the read models.
 */
import 'reflect-metadata';
import { systemClock } from '@heard/event-store';
import { forwardAppends } from '@heard/event-store-sqlite';
import { readModelEntities } from '@heard/projections';
import { createHeardEventStore, createReadModelDataSource } from '@heard/runtime';
import { MessagePort, parentPort, workerData } from 'node:worker_threads';
import { pollers, projections, reactors } from '../registry';
import { lowerThisThreadsPriority } from './thread-priority';
import { RunningSubscriptions, startSubscriptions } from '../start-subscriptions';
import {
  FromSubscriptionsThread,
  SubscriptionsThreadData,
  ToSubscriptionsThread,
} from './thread-messages';

if (parentPort === null) throw new Error('subscriptions-thread.main runs only as a worker thread');
const port: MessagePort = parentPort;
const { config, statusEveryMs, appends } = workerData as SubscriptionsThreadData;
const send = (message: FromSubscriptionsThread) => port.postMessage(message);
const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

async function run(): Promise<void> {
  // An operator's choice (SUBSCRIPTIONS_NICE): under a burst the requests get the CPU first, and
  // the read models catch up after it. On two cores shared with the load generator, nice 10 took
  // Fastify's intake from 2,621 to 3,090 req/s in one bench run, and 500/s complaints still found
  // their owner within a p99 of 63-75 ms (224 ms on PostgreSQL). Yet under a load the machine
  // cannot keep up with, it lets the read models fall behind for as long as the load lasts: hence
  // 0 unless asked.
  if (config.subscriptionsNice > 0 && !lowerThisThreadsPriority(config.subscriptionsNice))
    send({
      kind: 'log',
      line: 'could not lower the subscriptions thread priority (SUBSCRIPTIONS_NICE); it runs at normal priority',
    });
  const { store } = await createHeardEventStore(config, systemClock, {
    sqliteAppendThrough: appends ? forwardAppends(appends) : undefined,
  });
  const dataSource = await createReadModelDataSource(config, readModelEntities(projections));
  const log = (line: string) => send({ kind: 'log', line });
  let running: RunningSubscriptions;
  try {
    running = await startSubscriptions({
      store,
      dataSource,
      clock: systemClock,
      projections,
      reactors: reactors({ store, dataSource, clock: systemClock, config }),
      pollers: pollers({
        store,
        dataSource,
        clock: systemClock,
        config,
        log,
        onSlaTimerTick: (tick) => send({ kind: 'sla-timer-tick', tick }),
        onNoticeDeliveryTick: (tick) => send({ kind: 'notice-delivery-tick', tick }),
      }),
      log,
      // Nothing else runs these subscriptions on this DATA_DIR: a runner whose checkpoint moved
      // under it (a rebuild beside it) starts again from where the checkpoint now is.
      restartFailed: true,
    });
  } catch (error) {
    await store.close().catch(() => undefined);
    await dataSource.destroy().catch(() => undefined);
    throw error;
  }
  send({ kind: 'started', statuses: running.status() });
  const timer = setInterval(
    () => send({ kind: 'status', statuses: running.status() }),
    statusEveryMs,
  );
  port.on('message', (message: ToSubscriptionsThread) => {
    if (message.kind !== 'stop') return;
    clearInterval(timer);
    void (async () => {
      await running.stop();
      await store.close();
      await dataSource.destroy();
      send({ kind: 'stopped' });
      port.close();
    })();
  });
}

run().catch((error: unknown) => {
  send({ kind: 'start-failed', error: describe(error) });
  port.close();
});
