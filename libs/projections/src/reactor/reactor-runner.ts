import { Clock, EventStore, RecordedEvent } from '@heard/event-store';
import { DataSource } from 'typeorm';
import { ensureCheckpoint, moveCheckpointAlone } from '../checkpoint/checkpoints';
import { ProjectionCheckpointEntity } from '../checkpoint/projection-checkpoint.entity';
import { RunnerStatus } from '../runner-status';
import { pauseBetweenBatches } from '../runner/pause-between-batches';
import { RetryOptions, retryPolicy } from '../runner/runner-failure';
import { SubscriptionLifecycle } from '../runner/subscription-lifecycle';
import { inTransaction } from '../schema/in-transaction';
import { ensureTables } from '../schema/read-model-schema';
import { Reactor } from './reactor';
import { Scheduler } from './scheduler';
import { mapConcurrently } from './map-concurrently';
import { NOT_YET_GRACE_MS, NOT_YET_RETRY_MS, NotYetError } from './not-yet.error';

export interface ReactorRunnerOptions extends RetryOptions {
  readonly batchSize?: number;
  /** Partitions of a batch handled at once, for reactors that name partitions (default 1). */
  readonly concurrency?: number;
  /** When live, wait this long after a batch before reading the next (0: no wait). */
  readonly liveBatchWindowMs?: number;
}

/**
 * Delivers events to a reactor at least once. The stored checkpoint only ever passes events whose
 * handler succeeded; a failing handler is retried with backoff until it succeeds or the runner
 * stops, so a poison event holds the reactor in place (visible as lag) instead of being skipped.
 * A read, a partition lookup or a checkpoint write that fails restarts it from the stored
 * checkpoint after a backoff: the handled events since are delivered again.
 */
export class ReactorRunner {
  /** Handled in memory; `stored` is what the checkpoint table says. */
  private position = 0n;
  private stored = 0n;
  private readonly lifecycle: SubscriptionLifecycle;
  private readonly clock: Clock;
  private readonly scheduler: Scheduler;

  constructor(
    readonly reactor: Reactor,
    private readonly store: EventStore,
    private readonly dataSource: DataSource,
    private readonly options: ReactorRunnerOptions = {},
  ) {
    const policy = retryPolicy(options);
    this.clock = policy.clock;
    this.scheduler = policy.scheduler;
    this.lifecycle = new SubscriptionLifecycle(reactor.name, policy);
  }

  get name(): string {
    return this.reactor.name;
  }

  async start(): Promise<void> {
    this.lifecycle.assertIdle();
    await ensureTables(this.dataSource, [ProjectionCheckpointEntity]);
    await this.loadCheckpoint();
    this.lifecycle.begin(
      () =>
        this.store.subscribeToAll(
          { after: this.stored, batchSize: this.options.batchSize },
          (events) => this.lifecycle.batch(() => this.handle(events)),
        ),
      () => this.loadCheckpoint(),
    );
  }

  /** From the table, not memory: a write whose answer was lost may have committed. */
  private async loadCheckpoint(): Promise<void> {
    this.stored = await inTransaction(this.dataSource, (manager) =>
      ensureCheckpoint(manager, this.name, this.clock.now()),
    );
    this.position = this.stored;
  }

  get done(): Promise<void> {
    return this.lifecycle.done;
  }

  status(): RunnerStatus {
    return this.lifecycle.status('reactor', this.stored);
  }

  /** Interrupts a backoff wait; the event being retried stays unhandled and comes back. */
  async stop(): Promise<void> {
    await this.lifecycle.stop();
  }

  private async handle(events: readonly RecordedEvent[]): Promise<void> {
    this.reactor.observe?.(events);
    const concurrency = this.options.concurrency ?? 1;
    if (concurrency > 1 && this.reactor.partitionOf)
      await this.handlePartitioned(events, concurrency);
    else {
      for (const event of events) {
        if (this.reactor.canHandle(event.type) && !(await this.deliver(event))) break;
        this.position = event.globalPosition;
      }
    }
    await this.persist();
    await pauseBetweenBatches(this.lifecycle.isLive(), this.options.liveBatchWindowMs);
  }

  /**
   * Partitions run side by side, each in log order. The checkpoint passes the batch only when all
   * of it succeeded; a stop part-way redelivers the whole batch, which handlers must tolerate anyway.
   */
  private async handlePartitioned(
    events: readonly RecordedEvent[],
    concurrency: number,
  ): Promise<void> {
    const handled = events.filter((event) => this.reactor.canHandle(event.type));
    // Finding a partition may read (a stream, a table): one read after another would cost a
    // round trip per event before any work starts.
    const keys = await mapConcurrently(handled, concurrency, (event) =>
      this.reactor.partitionOf!(event),
    );
    const partitions = new Map<string, RecordedEvent[]>();
    handled.forEach((event, i) => {
      const partition = partitions.get(keys[i]);
      if (partition) partition.push(event);
      else partitions.set(keys[i], [event]);
    });
    const queue = [...partitions.values()];
    let complete = true;
    const lane = async () => {
      for (let next = queue.shift(); next && complete; next = queue.shift()) {
        for (const event of next) {
          if (!(await this.deliver(event))) {
            complete = false;
            return;
          }
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, lane));
    if (complete && events.length > 0) this.position = events[events.length - 1].globalPosition;
  }

  /** True once the handler succeeded; false when the runner stopped while retrying. */
  private async deliver(event: RecordedEvent): Promise<boolean> {
    const stopping = this.lifecycle.signal;
    let failed = false;
    const waitingSince = this.clock.now().getTime();
    try {
      for (let attempt = 1; !stopping.aborted;) {
        try {
          await this.reactor.handle(event);
          return true;
        } catch (error) {
          const waitedMs = this.clock.now().getTime() - waitingSince;
          if (error instanceof NotYetError && !failed && waitedMs < NOT_YET_GRACE_MS) {
            await this.scheduler.sleep(NOT_YET_RETRY_MS, stopping);
            continue;
          }
          failed = true;
          const retryInMs = this.lifecycle.deliveryFailed(event, attempt++, error);
          // Keep what already succeeded: a crash during a long backoff must not redo it.
          await this.persist();
          await this.scheduler.sleep(retryInMs, stopping);
        }
      }
      return false;
    } finally {
      if (failed) this.lifecycle.deliveryRetried();
    }
  }

  private async persist(): Promise<void> {
    if (this.position === this.stored) return;
    const to = this.position;
    // A reactor's checkpoint commits with nothing else.
    await moveCheckpointAlone(this.dataSource, this.name, this.stored, to, this.clock.now());
    this.stored = to;
  }
}
