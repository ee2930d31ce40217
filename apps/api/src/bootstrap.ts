import { INestApplication, Logger, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { HeardConfig } from '@heard/config';
import { Clock, systemClock } from '@heard/event-store';
import { SqliteEventStore } from '@heard/event-store-sqlite';
import { readModelEntities } from '@heard/projections';
import { createEventStore, createReadModelDataSource } from '@heard/runtime';
import {
  projections,
  reactors,
  RunningSubscriptions,
  startSubscriptions,
  startSubscriptionsThread,
} from '@heard/subscriptions';
import { AppModule } from './app.module';
import { serveOpenApiDocument } from './openapi/openapi-document';
import { installHttpConventions } from './platform/http-conventions';

export interface CreateAppOptions {
  readonly clock?: Clock;
  readonly logger?: false | LogLevel[];
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
  const log = new Logger('Heard');
  const subscriptionsThread =
    config.runSubscriptions && options.subscriptionsIn === 'worker-thread';
  // With the subscriptions in a thread, SQLite's writes move to a thread of their own too: both
  // threads append through it, and no event loop waits on a commit's fsync.
  const store = await createEventStore(config, clock, { sqliteWriterThread: subscriptionsThread });
  const readModels = await createReadModelDataSource(config, readModelEntities(projections));
  const logLine = (line: string) => (options.logger === false ? undefined : log.log(line));
  let subscriptions: RunningSubscriptions | null = null;
  if (subscriptionsThread) {
    if (options.clock) throw new Error('a worker thread runs on the system clock only');
    subscriptions = await startSubscriptionsThread(config, {
      appends: store instanceof SqliteEventStore ? store.connectAppends() : null,
      log: logLine,
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
      log: logLine,
    });
  }
  const module = AppModule.with({ config, store, readModels, clock, subscriptions });
  const nestOptions = {
    logger: options.logger ?? (['log', 'warn', 'error'] as LogLevel[]),
    bufferLogs: false,
  };
  const app =
    config.httpAdapter === 'fastify'
      ? await NestFactory.create(
          module,
          new FastifyAdapter({ bodyLimit: 16 * 1024 * 1024 }),
          nestOptions,
        )
      : await NestFactory.create(module, nestOptions);
  installHttpConventions(app, config);
  serveOpenApiDocument(app);
  app.enableShutdownHooks();
  return app;
}
