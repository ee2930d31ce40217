import { RecordedEvent, Subscription } from '@heard/event-store';
import { CheckpointConflictError } from '../checkpoint/checkpoint-conflict.error';
import { backoffDelay } from '../reactor/backoff';
import { RunnerState, RunnerStatus } from '../runner-status';
import { describeError, RetryPolicy } from './runner-failure';

/**
 * The running state both runners share, and what keeps them running: a batch, a read or a
 * checkpoint write that fails is retried with backoff from the stored checkpoint, for as long as it
 * takes. Only a checkpoint conflict (another runner owns the subscription) stops it for good, and
 * then `done` rejects with it.
 */
export class SubscriptionLifecycle {
  private subscription: Subscription | null = null;
  private state: Exclude<RunnerState, 'retrying'> = 'idle';
  private stopping = new AbortController();
  private finished: Promise<void> = Promise.resolve();
  /** Set by a failure until a batch gets through or the log is read to its end again. */
  private recovering = false;
  /**
   * The failure was a batch's: only that batch getting through ends the recovery. The
   * subscription may count itself live while it hands the batch over again (a sealing store
   * opens it first), and that is not the log read to its end with nothing left to apply.
   */
  private batchFailed = false;
  private failuresInRow = 0;
  private batchesInHand = 0;
  private deliveriesRetrying = 0;
  private error: string | null = null;
  private failures = 0;
  private lastError: string | null = null;
  private lastErrorAt: Date | null = null;
  private nextRetryAt: Date | null = null;

  constructor(
    private readonly name: string,
    private readonly policy: RetryPolicy,
  ) {}

  assertIdle(): void {
    if (this.state === 'running') throw new Error(`${this.name} is already running`);
  }

  /** Aborts when the runner is asked to stop: backoff waits end early on it. */
  get signal(): AbortSignal {
    return this.stopping.signal;
  }

  /**
   * Subscribes now; after a failure, `resume` (re-reading the stored checkpoint) and subscribes
   * again once the backoff is over.
   */
  begin(subscribe: () => Subscription, resume: () => Promise<void>): void {
    this.state = 'running';
    this.error = null;
    this.recovering = false;
    this.batchFailed = false;
    this.failuresInRow = 0;
    this.stopping = new AbortController();
    this.finished = this.supervise(subscribe, resume);
    // Callers read the failure from `done`; an unobserved one must not crash the process.
    this.finished.catch(() => undefined);
  }

  get done(): Promise<void> {
    return this.finished;
  }

  /** Runs one batch, so that its success ends a recovery. */
  async batch(work: () => Promise<void>): Promise<void> {
    this.batchesInHand++;
    try {
      await work();
      if (this.recovering) this.gotThrough();
    } catch (error) {
      this.batchFailed = true;
      throw error;
    } finally {
      this.batchesInHand--;
    }
  }

  /** A reactor's handler failed on `event`: counts it and says how long to wait before the next try. */
  deliveryFailed(event: RecordedEvent, attempt: number, error: unknown): number {
    if (attempt === 1) this.deliveriesRetrying++;
    return this.noteFailure(error, event, attempt);
  }

  /** The retries of one event are over: it succeeded, or the runner stopped. */
  deliveryRetried(): void {
    this.deliveriesRetrying--;
    this.nextRetryAt = null;
    if (this.deliveriesRetrying === 0 && !this.recovering) this.error = null;
  }

  isLive(): boolean {
    return this.currentState() === 'running' && (this.subscription?.isLive() ?? false);
  }

  status(kind: RunnerStatus['kind'], checkpoint: bigint): RunnerStatus {
    return {
      name: this.name,
      kind,
      state: this.currentState(),
      checkpoint,
      live: this.isLive(),
      error: this.error,
      failures: this.failures,
      lastError: this.lastError,
      lastErrorAt: this.lastErrorAt,
      nextRetryAt: this.nextRetryAt,
    };
  }

  async stop(): Promise<void> {
    this.stopping.abort();
    if (this.state === 'running') this.state = 'stopped';
    await this.subscription?.stop();
    await this.finished.catch(() => undefined);
  }

  private async supervise(subscribe: () => Subscription, resume: () => Promise<void>) {
    for (let first = true; ; first = false) {
      try {
        if (!first) await resume();
        if (this.stopping.signal.aborted) return;
        this.subscription = subscribe();
        await this.subscription.done;
        return;
      } catch (error) {
        // What a dead subscription last said about being live is no news about the next one.
        this.subscription = null;
        if (this.stopping.signal.aborted) return;
        if (error instanceof CheckpointConflictError) {
          this.noteFailure(error, null, this.failuresInRow + 1, true);
          this.state = 'failed';
          throw error;
        }
        const retryInMs = this.noteFailure(error, null, ++this.failuresInRow);
        this.recovering = true;
        await this.policy.scheduler.sleep(retryInMs, this.stopping.signal);
        this.nextRetryAt = null;
        if (this.stopping.signal.aborted) return;
      }
    }
  }

  private noteFailure(
    error: unknown,
    event: RecordedEvent | null,
    attempt: number,
    final = false,
  ): number {
    const { clock, backoff, random, onFailure } = this.policy;
    const retryInMs = final ? 0 : backoffDelay(backoff, attempt, random);
    const now = clock.now();
    this.failures++;
    this.error = this.lastError = describeError(error);
    this.lastErrorAt = now;
    this.nextRetryAt = final ? null : new Date(now.getTime() + retryInMs);
    onFailure?.({ name: this.name, event, attempt, error, retryInMs: final ? null : retryInMs });
    return retryInMs;
  }

  /** Back in business: the failure stays in `lastError`, the counter stays where it is. */
  private gotThrough(): void {
    this.recovering = false;
    this.batchFailed = false;
    this.failuresInRow = 0;
    if (this.deliveriesRetrying === 0) this.error = null;
  }

  private currentState(): RunnerState {
    if (this.state !== 'running') return this.state;
    // A read that failed is over once the log has been read to its end with no batch in hand.
    if (
      this.recovering &&
      !this.batchFailed &&
      this.batchesInHand === 0 &&
      this.subscription?.isLive()
    )
      this.gotThrough();
    return this.recovering || this.deliveriesRetrying > 0 ? 'retrying' : 'running';
  }
}
