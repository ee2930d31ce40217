import { Clock, EventStore, RecordedEvent, Subscription, systemClock } from '@heard/event-store';
import { DataSource } from 'typeorm';
import { ensureCheckpoint } from '../checkpoint/checkpoints';
import { ProjectionCheckpointEntity } from '../checkpoint/projection-checkpoint.entity';
import { Projection } from '../projection';
import { RunnerStatus } from '../runner-status';
import { ensureTables } from '../schema/read-model-schema';
import { inTransaction } from '../schema/in-transaction';
import { applyBatch } from './apply-batch';
import { pauseBetweenBatches } from './pause-between-batches';

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
  private subscription: Subscription | null = null;
  private position = 0n;
  private state: RunnerStatus['state'] = 'idle';
  private error: string | null = null;
  private finished: Promise<void> = Promise.resolve();
  private readonly clock: Clock;

  constructor(
    readonly projection: Projection,
    private readonly store: EventStore,
    private readonly dataSource: DataSource,
    private readonly options: ProjectionRunnerOptions = {},
  ) {
    this.clock = options.clock ?? systemClock;
  }

  get name(): string {
    return this.projection.name;
  }

  /** Creates missing tables, reads the checkpoint and subscribes from it. */
  async start(): Promise<void> {
    if (this.state === 'running') throw new Error(`${this.name} is already running`);
    await ensureTables(
      this.dataSource,
      [ProjectionCheckpointEntity, ...this.projection.entities],
      this.name,
    );
    this.position = await inTransaction(this.dataSource, (manager) =>
      ensureCheckpoint(manager, this.name, this.clock.now()),
    );
    this.state = 'running';
    this.error = null;
    const subscription = this.store.subscribeToAll(
      { after: this.position, batchSize: this.options.batchSize },
      (events) => this.handle(events),
    );
    this.subscription = subscription;
    this.finished = subscription.done.then(
      () => {
        if (this.state === 'running') this.state = 'stopped';
      },
      (error: unknown) => {
        this.state = 'failed';
        this.error = error instanceof Error ? error.message : String(error);
        throw error;
      },
    );
    // Callers read the failure from `done`; an unobserved one must not crash the process.
    this.finished.catch(() => undefined);
  }

  /** Resolves when stopped; rejects when a batch failed (a checkpoint conflict included). */
  get done(): Promise<void> {
    return this.finished;
  }

  status(): RunnerStatus {
    return {
      name: this.name,
      kind: 'projection',
      state: this.state,
      checkpoint: this.position,
      live: this.state === 'running' && (this.subscription?.isLive() ?? false),
      error: this.error,
    };
  }

  async stop(): Promise<void> {
    if (this.state === 'running') this.state = 'stopped';
    await this.subscription?.stop();
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
      live: this.subscription?.isLive() ?? false,
    });
    await pauseBetweenBatches(this.subscription?.isLive() ?? false, this.options.liveBatchWindowMs);
  }
}
