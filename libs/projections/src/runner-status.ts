/**
 * `retrying`: the last attempt failed and the runner waits out a backoff (or is trying again and
 * has not yet got through); `failed`: stopped for good (another runner owns the checkpoint).
 */
export type RunnerState = 'idle' | 'running' | 'retrying' | 'stopped' | 'failed';

/** What a running subscription reports, so /ready, /metrics and operators can see lag and errors. */
export interface RunnerStatus {
  readonly name: string;
  readonly kind: 'projection' | 'reactor';
  readonly state: RunnerState;
  /** Position of the last event whose effects are committed. */
  readonly checkpoint: bigint;
  /** True once caught up with the log and waiting for new events. */
  readonly live: boolean;
  /** What it is retrying or what stopped it; null while it works. */
  readonly error: string | null;
  /** Handler and runner errors since the process started: a counter that only grows. */
  readonly failures: number;
  /** The most recent error and when it happened, kept after the runner got past it. */
  readonly lastError: string | null;
  readonly lastErrorAt: Date | null;
  /** While backing off: when the next attempt starts. */
  readonly nextRetryAt: Date | null;
}
