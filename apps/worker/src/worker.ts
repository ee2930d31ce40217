import { Clock, EventStore } from '@heard/event-store';
import { Projection, Reactor, RunnerStatus } from '@heard/projections';
import { Poller, startSubscriptions } from '@heard/subscriptions';
import { DataSource } from 'typeorm';
import { statusLog } from './status-log';

export interface WorkerDependencies {
  readonly store: EventStore;
  readonly dataSource: DataSource;
  readonly projections: readonly Projection[];
  readonly reactors?: readonly Reactor[];
  readonly pollers?: readonly Poller[];
  readonly clock: Clock;
  readonly log: (line: string) => void;
  /** How often runner statuses are sampled for the log. */
  readonly statusEveryMs?: number;
}

export interface RunningWorker {
  status(): RunnerStatus[];
  /** Resolves once every runner has stopped; a runner's failure shows in `status`, not here. */
  readonly done: Promise<void>;
  stop(): Promise<void>;
}

/** Starts every projection and reactor from its stored checkpoint and logs their progress. */
export async function startWorker(deps: WorkerDependencies): Promise<RunningWorker> {
  const running = await startSubscriptions({ ...deps, reactors: deps.reactors ?? [] });
  const status = () => running.status();
  const sample = statusLog(deps.clock, deps.log);
  // Sampled rather than logged per batch: a runner can go live without a batch to report it.
  const timer = setInterval(() => sample(status()), deps.statusEveryMs ?? 1000);
  timer.unref();
  return {
    status,
    done: running.done,
    stop: async () => {
      clearInterval(timer);
      await running.stop();
    },
  };
}
