import { Clock, EventStore, RecordedEvent } from '@heard/event-store';
import { DataSource } from 'typeorm';
import { CheckpointConflictError } from '../checkpoint/checkpoint-conflict.error';
import { ensureCheckpoint, moveCheckpointAlone } from '../checkpoint/checkpoints';
import { ProjectionCheckpointEntity } from '../checkpoint/projection-checkpoint.entity';
import { Projection } from '../projection';
import { RunnerStatus } from '../runner-status';
import { ensureTables } from '../schema/read-model-schema';
import { inTransaction } from '../schema/in-transaction';
import { applyBatch } from './apply-batch';
import { applyEventByEvent } from './apply-event-by-event';
import { pauseBetweenBatches } from './pause-between-batches';
import { retryPolicy, RetryOptions } from './runner-failure';
import { SubscriptionLifecycle } from './subscription-lifecycle';

export interface BatchApplied {
  readonly name: string;
  readonly events: number;
  readonly checkpoint: bigint;
  readonly live: boolean;
}

export interface ProjectionRunnerOptions extends RetryOptions {
  readonly batchSize?: number;
  /** When live, wait this long after a batch before reading the next (0: no wait). */
  readonly liveBatchWindowMs?: number;
  readonly onBatch?: (batch: BatchApplied) => void;
  /** A checkpoint that only passes events the projection ignores is written at most this often. */
  readonly idleCheckpointEveryMs?: number;
}

/**
 * Most batches hold nothing for a directory projection. Writing the checkpoint for each of them
 * was a commit per batch per projection (with eight runners, the most frequent statement of a
 * busy PostgreSQL); deferred, a restart merely passes those events again, doing nothing.
 */
export const IDLE_CHECKPOINT_EVERY_MS = 1000;

/**
 * Keeps one projection's read model up to date from its stored checkpoint. A batch that fails
 * (a row the database refuses, a lost connection) rolls back with its checkpoint; its events
 * before the one that fails are then committed one by one, and that one is tried again with
 * backoff for as long as it fails: the projection holds its place, visible as lag and as the
 * error in its status, and every other runner goes on.
 */
export class ProjectionRunner {
  /** What the read model reflects; `stored` is what the checkpoint table says. */
  private position = 0n;
  private stored = 0n;
  private storedAt = 0;
  private flushTimer: NodeJS.Timeout | null = null;
  /** A deferred checkpoint write that failed: the next batch fails with it. */
  private flushError: unknown = null;
  /** Batches and deferred checkpoint writes take turns. */
  private turn: Promise<void> = Promise.resolve();
  private readonly lifecycle: SubscriptionLifecycle;
  private readonly clock: Clock;

  constructor(
    readonly projection: Projection,
    private readonly store: EventStore,
    private readonly dataSource: DataSource,
    private readonly options: ProjectionRunnerOptions = {},
  ) {
    const policy = retryPolicy(options);
    this.clock = policy.clock;
    this.lifecycle = new SubscriptionLifecycle(projection.name, policy);
  }

  get name(): string {
    return this.projection.name;
  }

  /** Creates missing tables, reads the checkpoint and subscribes from it. */
  async start(): Promise<void> {
    this.lifecycle.assertIdle();
    await ensureTables(
      this.dataSource,
      [ProjectionCheckpointEntity, ...this.projection.entities],
      this.name,
    );
    await this.loadCheckpoint();
    this.lifecycle.begin(
      () =>
        this.store.subscribeToAll(
          { after: this.position, batchSize: this.options.batchSize },
          (events) => this.lifecycle.batch(() => this.handle(events)),
        ),
      () => this.inTurn(() => this.loadCheckpoint()),
    );
  }

  /** Resolves when stopped; rejects only when another runner took the checkpoint over. */
  get done(): Promise<void> {
    return this.lifecycle.done;
  }

  status(): RunnerStatus {
    return this.lifecycle.status('projection', this.position);
  }

  /** Stops after the batch in hand, then writes a deferred checkpoint (best effort). */
  async stop(): Promise<void> {
    await this.lifecycle.stop();
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    await this.inTurn(() => this.persist()).catch(() => undefined);
  }

  /** From the table, not memory: a write whose answer was lost may have committed. */
  private async loadCheckpoint(): Promise<void> {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    this.stored = await inTransaction(this.dataSource, (manager) =>
      ensureCheckpoint(manager, this.name, this.clock.now()),
    );
    this.position = this.stored;
    this.storedAt = performance.now();
    this.flushError = null;
  }

  private async handle(events: readonly RecordedEvent[]): Promise<void> {
    await this.inTurn(async () => {
      if (this.flushError !== null) throw this.flushError;
      if (events.length === 0) return;
      const handled = events.filter((event) => this.projection.canHandle(event.type)).length;
      if (handled > 0) {
        try {
          this.committed(
            await applyBatch(this.dataSource, this.projection, this.stored, events, this.clock),
          );
        } catch (error) {
          if (error instanceof CheckpointConflictError || handled === 1) throw error;
          await applyEventByEvent(
            this.dataSource,
            this.projection,
            this.stored,
            events,
            this.clock,
            (to) => this.committed(to),
          );
        }
        return;
      }
      this.position = events[events.length - 1].globalPosition;
      const every = this.options.idleCheckpointEveryMs ?? IDLE_CHECKPOINT_EVERY_MS;
      const due = this.storedAt + every - performance.now();
      if (due <= 0) await this.persist();
      else this.flushLater(due);
    });
    this.options.onBatch?.({
      name: this.name,
      events: events.length,
      checkpoint: this.position,
      live: this.lifecycle.isLive(),
    });
    await pauseBetweenBatches(this.lifecycle.isLive(), this.options.liveBatchWindowMs);
  }

  private committed(to: bigint): void {
    this.position = this.stored = to;
    this.storedAt = performance.now();
  }

  private flushLater(inMs: number): void {
    if (this.flushTimer) return;
    this.flushTimer = setTimeout(() => {
      this.flushTimer = null;
      this.inTurn(() => this.persist()).catch((error: unknown) => {
        this.flushError = error;
      });
    }, inMs);
    this.flushTimer.unref();
  }

  private async persist(): Promise<void> {
    if (this.position === this.stored) return;
    const to = this.position;
    await moveCheckpointAlone(this.dataSource, this.name, this.stored, to, this.clock.now());
    this.stored = to;
    this.storedAt = performance.now();
  }

  private inTurn(work: () => Promise<void>): Promise<void> {
    const result = this.turn.then(work);
    this.turn = result.catch(() => undefined);
    return result;
  }
}
