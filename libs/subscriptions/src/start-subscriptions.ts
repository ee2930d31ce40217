import { Clock, EventStore } from '@heard/event-store';
import {
  defaultBackoff,
  describeError,
  Projection,
  ProjectionRunner,
  Random,
  Reactor,
  ReactorRunner,
  RunnerFailure,
  RunnerStatus,
  Scheduler,
  timerScheduler,
} from '@heard/projections';
import { DataSource } from 'typeorm';
import { restartWhenFailed } from './restart-failed-runner';

/** Time-driven work over durable rows (SLA timers): started after the runners, stopped first. */
export interface Poller {
  readonly name: string;
  start(): void;
  stop(): Promise<void>;
}

export interface SubscriptionsDependencies {
  readonly store: EventStore;
  readonly dataSource: DataSource;
  readonly clock: Clock;
  readonly projections: readonly Projection[];
  readonly reactors: readonly Reactor[];
  readonly pollers?: readonly Poller[];
  readonly log: (line: string) => void;
  /** A live runner gathers appends this long before applying them; see pauseBetweenBatches. */
  readonly liveBatchWindowMs?: number;
  /** Waits out every backoff; tests drive it. */
  readonly scheduler?: Scheduler;
  readonly random?: Random;
  /**
   * Start a runner that stopped for good (it lost its checkpoint to another writer) again after a
   * backoff. The embedded default's thread does; the scale-out worker does not, so that of two
   * workers running the same subscription the loser stays stopped (README, "Scale-out").
   */
  readonly restartFailed?: boolean;
}

/** Long enough to gather a burst into one transaction, short beside the one-second owner target. */
export const DEFAULT_LIVE_BATCH_WINDOW_MS = 20;

/** Partitions a reactor works on at once: enough for their appends to share group commits. */
export const REACTOR_CONCURRENCY = 64;

export interface RunningSubscriptions {
  /** Failing runners show here (state, error, failures); none of them stops the others. */
  status(): RunnerStatus[];
  /**
   * Resolves once every runner has stopped, for good or because it was asked to. A runner's
   * failure never rejects it; only losing the runners themselves does (their thread died).
   */
  readonly done: Promise<void>;
  stop(): Promise<void>;
}

/** A failure as one log line: names, positions and the error, never an event's data. */
export function failureLine(failure: RunnerFailure): string {
  const what = failure.event
    ? `${failure.event.type} at ${failure.event.globalPosition}`
    : 'a batch, a read or a checkpoint write';
  const next = failure.retryInMs === null ? 'it stops' : `retry in ${failure.retryInMs} ms`;
  return `${failure.name}: ${what} failed (attempt ${failure.attempt}), ${next}: ${describeError(failure.error)}`;
}

/** One runner per projection and reactor, each from its own stored checkpoint. */
export async function startSubscriptions(
  deps: SubscriptionsDependencies,
): Promise<RunningSubscriptions> {
  const scheduler = deps.scheduler ?? timerScheduler;
  const random = deps.random ?? Math.random;
  const shared = {
    clock: deps.clock,
    scheduler,
    random,
    liveBatchWindowMs: deps.liveBatchWindowMs ?? DEFAULT_LIVE_BATCH_WINDOW_MS,
    onFailure: (failure: RunnerFailure) => deps.log(failureLine(failure)),
  };
  const runners: (ProjectionRunner | ReactorRunner)[] = [
    ...deps.projections.map((p) => new ProjectionRunner(p, deps.store, deps.dataSource, shared)),
    ...deps.reactors.map(
      (r) =>
        new ReactorRunner(r, deps.store, deps.dataSource, {
          ...shared,
          concurrency: REACTOR_CONCURRENCY,
        }),
    ),
  ];
  for (const runner of runners) {
    await runner.start();
    deps.log(`${runner.name}: started from position ${runner.status().checkpoint}`);
  }
  const pollers = deps.pollers ?? [];
  for (const poller of pollers) {
    poller.start();
    deps.log(`${poller.name}: started`);
  }
  const stopping = new AbortController();
  const supervised = runners.map((runner) =>
    deps.restartFailed
      ? restartWhenFailed(runner, {
          scheduler,
          backoff: defaultBackoff,
          random,
          log: deps.log,
          stopping: stopping.signal,
        })
      : { done: runner.done.catch(() => undefined), starting: () => Promise.resolve() },
  );
  const done = Promise.all(supervised.map((s) => s.done)).then(() => undefined);
  return {
    status: () => runners.map((r) => r.status()),
    done,
    stop: async () => {
      await Promise.all(pollers.map((p) => p.stop()));
      stopping.abort();
      // A runner being started again must be running before it can be stopped.
      await Promise.all(supervised.map((s) => s.starting()));
      await Promise.all(runners.map((r) => r.stop()));
      await done;
    },
  };
}
