import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { HeardConfig } from '@heard/config';
import { Clock, systemClock } from '@heard/event-store';
import {
  createLogger,
  HeardMetrics,
  Logger,
  PinoNestLogger,
  silentLogger,
} from '@heard/observability';
import { SqliteEventStore } from '@heard/event-store-sqlite';
import { NoticeDeliveryMetrics } from '@heard/loop/subscriptions';
import { SlaTimerMetrics } from '@heard/sla/subscriptions';
import { readModelEntities } from '@heard/projections';
import { createHeardEventStore, createReadModelDataSource } from '@heard/runtime';
import {
  pollers,
  projections,
  reactors,
  RunningSubscriptions,
  startSubscriptions,
  startSubscriptionsThread,
} from '@heard/subscriptions';
import { AppModule } from './app.module';
import { installRequestObservation } from './platform/observability/request-observation';
import { fastifyServerOptions } from './platform/fastify-server-options';
import { installHttpConventions, nestHttpOptions } from './platform/http-conventions';
import { serveOpenApiDocument } from './openapi/openapi-document';

export interface CreateAppOptions {
  readonly clock?: Clock;
  /**
   * How the API's own event store is opened: createHeardEventStore, which seals personal data.
   * Only bench:personal-data gives another (the same store without sealing on this thread's
   * appends), to measure what sealing costs over HTTP; main never does.
   */
  readonly openEventStore?: typeof createHeardEventStore;
  /**
   * Where log lines go: a pino logger (tests give one writing to a stream they read), false for
   * none at all (tests, by default), or unset for stdout at LOG_LEVEL.
   */
  readonly logger?: false | Logger;
  /**
   * Where projections and reactors run when the config says this process runs them: on the API's
   * own event loop (tests that drive the clock need this), or in a worker thread of their own,
   * as `npm start` runs them, so that HTTP answers never wait behind a projection's batch.
   */
  readonly subscriptionsIn?: 'api-thread' | 'worker-thread';
}

/** Builds the API on the configured adapters: used by main, the end-to-end tests and the benchmark. */
export async function createApp(
  config: HeardConfig,
  options: CreateAppOptions = {},
): Promise<INestApplication> {
  const clock = options.clock ?? systemClock;
  const log =
    options.logger === false
      ? silentLogger()
      : (options.logger ?? createLogger({ name: 'heard-api', level: config.logLevel }));
  const metrics = new HeardMetrics();
  const subscriptionsThread =
    config.runSubscriptions && options.subscriptionsIn === 'worker-thread';
  // With the subscriptions in a thread, SQLite's writes move to a thread of their own too: both
  // threads append through it, and no event loop waits on a commit's fsync.
  const openEventStore = options.openEventStore ?? createHeardEventStore;
  const { store, raw, personal, keys } = await openEventStore(config, clock, {
    sqliteWriterThread: subscriptionsThread,
    // With the subscriptions elsewhere this thread only answers requests, each a task of its
    // own: appends of one turn go together. Reactors here would wait for their long turns.
    gatherAppends: subscriptionsThread ? 'turn' : 'task',
    onGroupCommit: metrics.observeGroupCommit,
  });
  const readModels = await createReadModelDataSource(config, readModelEntities(projections));
  const subscriptionsLog = log.child({ context: 'subscriptions' });
  const logLine = (line: string) => subscriptionsLog.info(line);
  const onSlaTimerTick = new SlaTimerMetrics(metrics.registry).observe;
  const onNoticeDeliveryTick = new NoticeDeliveryMetrics(metrics.registry).observe;
  let subscriptions: RunningSubscriptions | null = null;
  if (subscriptionsThread) {
    if (options.clock) throw new Error('a worker thread runs on the system clock only');
    subscriptions = await startSubscriptionsThread(config, {
      appends: raw instanceof SqliteEventStore ? raw.connectAppends() : null,
      log: logLine,
      onSlaTimerTick,
      onNoticeDeliveryTick,
    }).catch(async (error: unknown) => {
      // The writer thread and the pools would outlive a start that failed (tests go on running).
      await store.close();
      await readModels.destroy();
      throw error;
    });
  } else if (config.runSubscriptions) {
    subscriptions = await startSubscriptions({
      store,
      dataSource: readModels,
      clock,
      projections,
      reactors: reactors({ store, dataSource: readModels, clock, config }),
      pollers: pollers({
        store,
        dataSource: readModels,
        clock,
        config,
        log: logLine,
        onSlaTimerTick,
        onNoticeDeliveryTick,
      }),
      log: logLine,
    });
  }
  if (subscriptions) {
    const watched = subscriptions;
    metrics.watchSubscriptions({ statuses: () => watched.status(), store: raw, clock });
    watched.done.catch((error: unknown) =>
      subscriptionsLog.error({ err: error }, 'a subscription failed; /ready answers 503'),
    );
  }
  const module = AppModule.with(
    { config, store, storedEvents: raw, readModels, clock, subscriptions, personal, keys },
    { config, metrics, log },
  );
  const nestOptions = {
    logger: options.logger === false ? (false as const) : new PinoNestLogger(log),
    bufferLogs: false,
  };
  const app =
    config.httpAdapter === 'fastify'
      ? await NestFactory.create(module, new FastifyAdapter(fastifyServerOptions()), {
          ...nestOptions,
          ...nestHttpOptions(),
        })
      : await NestFactory.create(module, { ...nestOptions, ...nestHttpOptions() });
  // Observed first: a request the body parsers refuse is still counted and logged.
  installRequestObservation(app, config, { metrics, log });
  installHttpConventions(app, config);
  serveOpenApiDocument(app);
  app.enableShutdownHooks();
  return app;
}
