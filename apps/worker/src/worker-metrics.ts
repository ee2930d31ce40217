import { EventStore } from '@heard/event-store';
import { HeardMetrics, MetricsServer, serveMetrics } from '@heard/observability';
import { RunningWorker } from './worker';

/**
 * /metrics of the worker on a port of its own (METRICS_PORT): each runner's checkpoint, lag and
 * errors, the group commits of its store (given to the store as onGroupCommit) and the process.
 */
export function serveWorkerMetrics(
  metrics: HeardMetrics,
  worker: Pick<RunningWorker, 'status'>,
  store: EventStore,
  listen: { readonly port: number; readonly host: string },
): Promise<MetricsServer> {
  metrics.watchSubscriptions({ statuses: () => worker.status(), store });
  return serveMetrics(metrics, listen.port, listen.host);
}
