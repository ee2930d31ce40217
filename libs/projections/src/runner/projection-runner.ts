import { Clock, EventStore, RecordedEvent, systemClock } from '@heard/event-store';
import { DataSource } from 'typeorm';
import { ensureCheckpoint } from '../checkpoint/checkpoints';
import { ProjectionCheckpointEntity } from '../checkpoint/projection-checkpoint.entity';
import { Projection } from '../projection';
import { RunnerStatus } from '../runner-status';
import { ensureTables } from '../schema/read-model-schema';
import { inTransaction } from '../schema/in-transaction';
import { applyBatch } from './apply-batch';
import { pauseBetweenBatches } from './pause-between-batches';
import { SubscriptionLifecycle } from './subscription-lifecycle';

export interface BatchApplied {
  readonly name: string;
  readonly events: number;
  readonly checkpoint: bigint;
  readonly live: boolean;
}

export interface ProjectionRunnerOptions {
  readonly clock?: Clock;
  readonly batchSize?: number;
  /** When live, wait this long after a batch before reading the next (0: no wait). */
  readonly liveBatchWindowMs?: number;
  readonly onBatch?: (batch: BatchApplied) => void;
}

/** Keeps one projection's read model up to date from its stored checkpoint. */
export class ProjectionRunner {
  private position = 0n;
  private readonly lifecycle: SubscriptionLifecycle;
  private readonly clock: Clock;

  constructor(
    readonly projection: Projection,
    private readonly store: EventStore,
    private readonly dataSource: DataSource,
    private readonly options: ProjectionRunnerOptions = {},
  ) {
    this.clock = options.clock ?? systemClock;
    this.lifecycle = new SubscriptionLifecycle(projection.name);
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
    this.position = await inTransaction(this.dataSource, (manager) =>
      ensureCheckpoint(manager, this.name, this.clock.now()),
    );
    this.lifecycle.begin(() =>
      this.store.subscribeToAll(
        { after: this.position, batchSize: this.options.batchSize },
        (events) => this.handle(events),
      ),
    );
  }

  /** Resolves when stopped; rejects when a batch failed (a checkpoint conflict included). */
  get done(): Promise<void> {
    return this.lifecycle.done;
  }

  status(): RunnerStatus {
    return this.lifecycle.status('projection', this.position);
  }

  async stop(): Promise<void> {
    await this.lifecycle.stop();
  }

  private async handle(events: readonly RecordedEvent[]): Promise<void> {
    this.position = await applyBatch(
      this.dataSource,
      this.projection,
      this.position,
      events,
      this.clock,
    );
    this.options.onBatch?.({
      name: this.name,
      events: events.length,
      checkpoint: this.position,
      live: this.lifecycle.isLive(),
    });
    await pauseBetweenBatches(this.lifecycle.isLive(), this.options.liveBatchWindowMs);
  }
}
