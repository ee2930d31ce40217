import { Clock, RecordedEvent, systemClock } from '@heard/event-store';
import { Backoff, defaultBackoff, Random } from '../reactor/backoff';
import { Scheduler, timerScheduler } from '../reactor/scheduler';

/** One error of a runner, as it is reported to the log. */
export interface RunnerFailure {
  readonly name: string;
  /** The event a reactor's handler failed on; null when a batch, a read or a checkpoint write failed. */
  readonly event: RecordedEvent | null;
  /** 1 for the first failure in a row. */
  readonly attempt: number;
  readonly error: unknown;
  /** Null when the failure stops the runner for good. */
  readonly retryInMs: number | null;
}

/** How a runner waits before trying again: the clock stamps, the scheduler waits, tests drive both. */
export interface RetryPolicy {
  readonly clock: Clock;
  readonly scheduler: Scheduler;
  readonly backoff: Backoff;
  readonly random: Random;
  readonly onFailure?: (failure: RunnerFailure) => void;
}

export const describeError = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/** What runner options may say about retrying; anything left out takes the production default. */
export interface RetryOptions {
  readonly clock?: Clock;
  readonly scheduler?: Scheduler;
  readonly backoff?: Backoff;
  readonly random?: Random;
  readonly onFailure?: (failure: RunnerFailure) => void;
}

export function retryPolicy(options: RetryOptions): RetryPolicy {
  return {
    clock: options.clock ?? systemClock,
    scheduler: options.scheduler ?? timerScheduler,
    backoff: options.backoff ?? defaultBackoff,
    random: options.random ?? Math.random,
    onFailure: options.onFailure,
  };
}
