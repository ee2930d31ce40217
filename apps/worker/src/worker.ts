import { Clock, EventStore } from '@heard/event-store';
import { Projection, ProjectionRunner, RunnerStatus } from '@heard/projections';
import { DataSource } from 'typeorm';
import { batchLog } from './batch-log';

export interface WorkerDependencies {
  readonly store: EventStore;
  readonly dataSource: DataSource;
  readonly projections: readonly Projection[];
  readonly clock: Clock;
  readonly log: (line: string) => void;
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
      new ProjectionRunner(projection, deps.store, deps.dataSource, {
        clock: deps.clock,
        onBatch: batchLog(deps.clock, deps.log),
      }),
  );
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
