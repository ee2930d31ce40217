import { Clock, EventStore } from '@heard/event-store';
import { Projection, ProjectionRunner, RunnerStatus } from '@heard/projections';
import { DataSource } from 'typeorm';
import { statusLog } from './status-log';

export interface WorkerDependencies {
  readonly store: EventStore;
  readonly dataSource: DataSource;
  readonly projections: readonly Projection[];
  readonly clock: Clock;
  readonly log: (line: string) => void;
  /** How often runner statuses are sampled for the log. */
  readonly statusEveryMs?: number;
}

export interface RunningWorker {
  status(): RunnerStatus[];
  /** Rejects with the first runner failure; resolves only when every runner stopped cleanly. */
  readonly done: Promise<void>;
  stop(): Promise<void>;
}

/** Starts one runner per projection, each from its own stored checkpoint. */
export async function startWorker(deps: WorkerDependencies): Promise<RunningWorker> {
  const runners = deps.projections.map(
    (projection) =>
      new ProjectionRunner(projection, deps.store, deps.dataSource, { clock: deps.clock }),
  );
  for (const runner of runners) {
    await runner.start();
    deps.log(`${runner.name}: started from position ${runner.status().checkpoint}`);
  }
  const status = () => runners.map((r) => r.status());
  const sample = statusLog(deps.clock, deps.log);
  // Sampled rather than logged per batch: a runner can go live without a batch to report it.
  const timer = setInterval(() => sample(status()), deps.statusEveryMs ?? 1000);
  timer.unref();
  const done = Promise.all(runners.map((r) => r.done)).then(() => undefined);
  done.catch(() => undefined);
  return {
    status,
    done,
    stop: async () => {
      clearInterval(timer);
      await Promise.all(runners.map((r) => r.stop()));
    },
  };
}
