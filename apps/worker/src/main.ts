import 'reflect-metadata';
import { ConfigError, loadConfig } from '@heard/config';
import { systemClock } from '@heard/event-store';
import {
  createLogger,
  flushLogger,
  HeardMetrics,
  Logger,
  MetricsServer,
} from '@heard/observability';
import { readModelEntities } from '@heard/projections';
import { createHeardEventStore, createReadModelDataSource } from '@heard/runtime';
import { NoticeDeliveryMetrics } from '@heard/loop/subscriptions';
import { SlaTimerMetrics } from '@heard/sla/subscriptions';
import { pollers, projections, reactors } from '@heard/subscriptions';
import { startWorker } from './worker';
import { serveWorkerMetrics } from './worker-metrics';

async function main(log: Logger): Promise<number> {
  const config = loadConfig();
  log.level = config.logLevel;
  // Only with METRICS_PORT: the worker has no other port to serve them on.
  const metrics = config.metricsPort === null ? null : new HeardMetrics();
  const { store, raw } = await createHeardEventStore(config, systemClock, {
    onGroupCommit: metrics?.observeGroupCommit,
  });
  const dataSource = await createReadModelDataSource(config, readModelEntities(projections));
  const worker = await startWorker({
    store,
    dataSource,
    projections,
    reactors: reactors({ store, dataSource, clock: systemClock, config }),
    pollers: pollers({
      store,
      dataSource,
      clock: systemClock,
      config,
      log: (line) => log.info(line),
      onSlaTimerTick: metrics ? new SlaTimerMetrics(metrics.registry).observe : undefined,
      onNoticeDeliveryTick: metrics
        ? new NoticeDeliveryMetrics(metrics.registry).observe
        : undefined,
    }),
    clock: systemClock,
    log: (line) => log.info(line),
  });
  log.info(`running ${projections.length} projection(s) over the ${config.eventStore} event store`);
  let metricsServer: MetricsServer | null = null;
  if (metrics && config.metricsPort !== null) {
    metricsServer = await serveWorkerMetrics(metrics, worker, raw, {
      port: config.metricsPort,
      host: config.host,
    });
    log.info({ port: metricsServer.port }, `metrics on port ${metricsServer.port} (/metrics)`);
  }

  // A failing runner retries, or stops alone when another worker owns its checkpoint: either way
  // it is logged and shows in its status, and the others go on. Only a signal ends the process.
  const signal = await new Promise<string>((resolve) => {
    for (const name of ['SIGTERM', 'SIGINT'] as const) process.once(name, () => resolve(name));
  });
  log.info(`${signal}: stopping`);
  await worker.stop();
  await metricsServer?.close();
  await store.close();
  await dataSource.destroy();
  log.info('stopped');
  return 0;
}

// LOG_LEVEL is read with the rest of the configuration; a refusal of it is written at info.
const log = createLogger({ name: 'heard-worker', level: 'info' });
main(log).then(
  (code) => flushLogger(log).then(() => process.exit(code)),
  (error: unknown) => {
    if (error instanceof ConfigError) log.fatal(`configuration: ${error.message}`);
    else log.fatal({ err: error }, 'the worker could not start');
    return flushLogger(log).then(() => process.exit(1));
  },
);
