import { Clock, EventStore } from '@heard/event-store';
import {
  Projection,
  ProjectionRunner,
  Reactor,
  ReactorRunner,
  RunnerStatus,
} from '@heard/projections';
import { DataSource } from 'typeorm';

export interface SubscriptionsDependencies {
  readonly store: EventStore;
  readonly dataSource: DataSource;
  readonly clock: Clock;
  readonly projections: readonly Projection[];
  readonly reactors: readonly Reactor[];
  readonly log: (line: string) => void;
  /** A live runner gathers appends this long before applying them; see pauseBetweenBatches. */
  readonly liveBatchWindowMs?: number;
}

/** Long enough to gather a burst into one transaction, short beside the one-second owner target. */
export const DEFAULT_LIVE_BATCH_WINDOW_MS = 20;

/** Partitions a reactor works on at once: enough for their appends to share group commits. */
export const REACTOR_CONCURRENCY = 64;

export interface RunningSubscriptions {
  status(): RunnerStatus[];
  /** Rejects with the first runner failure. */
  readonly done: Promise<void>;
  stop(): Promise<void>;
}

/** One runner per projection and reactor, each from its own stored checkpoint. */
export async function startSubscriptions(
  deps: SubscriptionsDependencies,
): Promise<RunningSubscriptions> {
  const runners: (ProjectionRunner | ReactorRunner)[] = [
    ...deps.projections.map(
      (p) =>
        new ProjectionRunner(p, deps.store, deps.dataSource, {
          clock: deps.clock,
          liveBatchWindowMs: deps.liveBatchWindowMs ?? DEFAULT_LIVE_BATCH_WINDOW_MS,
        }),
    ),
    ...deps.reactors.map(
      (r) =>
        new ReactorRunner(r, deps.store, deps.dataSource, {
          clock: deps.clock,
          liveBatchWindowMs: deps.liveBatchWindowMs ?? DEFAULT_LIVE_BATCH_WINDOW_MS,
          concurrency: REACTOR_CONCURRENCY,
          onFailure: (f) =>
            deps.log(
              `${f.name}: ${f.event.type} at ${f.event.globalPosition} failed (attempt ${f.attempt}), retry in ${f.retryInMs} ms: ${String(f.error)}`,
            ),
        }),
    ),
  ];
  for (const runner of runners) {
    await runner.start();
    deps.log(`${runner.name}: started from position ${runner.status().checkpoint}`);
  }
  const done = Promise.all(runners.map((r) => r.done)).then(() => undefined);
  done.catch(() => undefined);
  return {
    status: () => runners.map((r) => r.status()),
    done,
    stop: async () => {
      await Promise.all(runners.map((r) => r.stop()));
    },
  };
}
