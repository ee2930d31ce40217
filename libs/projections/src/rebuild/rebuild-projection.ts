import { Clock, EventStore, RecordedEvent, systemClock } from '@heard/event-store';
import { DataSource } from 'typeorm';
import { resetCheckpoint } from '../checkpoint/checkpoints';
import { ProjectionCheckpointEntity } from '../checkpoint/projection-checkpoint.entity';
import { Projection } from '../projection';
import { applyBatch } from '../runner/apply-batch';
import { yieldToEventLoop } from '../runner/yield-to-event-loop';
import { ensureTables, recreateTables } from '../schema/read-model-schema';
import { countEvents } from './count-events';
import { measureProgress, RebuildProgress } from './rebuild-progress';

export interface RebuildOptions {
  readonly clock?: Clock;
  readonly batchSize?: number;
  /** Called after every committed batch; throttle it for humans. */
  readonly onProgress?: (progress: RebuildProgress) => void;
  /** Where to count the log for progress: the same log, unopened (personal data), when given. */
  readonly countIn?: EventStore;
}

/**
 * Drops the projection's tables and checkpoint, recreates them from the entities and replays the
 * whole log. Each batch commits with its checkpoint, so an interrupted rebuild is a projection
 * part-way through catching up: the worker continues it, or a new rebuild starts over.
 * A worker running the same projection meanwhile stops on its next checkpoint conflict.
 */
export async function rebuildProjection(
  projection: Projection,
  store: EventStore,
  dataSource: DataSource,
  options: RebuildOptions = {},
): Promise<RebuildProgress> {
  const clock = options.clock ?? systemClock;
  const batchSize = options.batchSize ?? 1000;
  await ensureTables(dataSource, [ProjectionCheckpointEntity]);
  await recreateTables(dataSource, projection.entities, (runner) =>
    resetCheckpoint(runner.manager, projection.name, clock.now()),
  );
  const total = await countEvents(options.countIn ?? store);
  const started = clock.now().getTime();
  const progress = (done: number, position: bigint) =>
    measureProgress(projection.name, done, total, position, clock.now().getTime() - started);
  let position = 0n;
  let done = 0;
  const readAfter = (read: readonly RecordedEvent[]): Promise<readonly RecordedEvent[]> => {
    if (read.length === 0) return Promise.resolve([]);
    const reading = store.readAll({
      after: read[read.length - 1].globalPosition,
      limit: batchSize,
      ahead: true,
    });
    // Awaited later; a failure meanwhile must not be reported as unhandled first.
    reading.catch(() => undefined);
    return reading;
  };
  let batch: readonly RecordedEvent[] = await store.readAll({ after: position, limit: batchSize });
  // Two batches are read ahead, each as soon as the one before it is in: reading (and decrypting
  // personal data, in a thread of the sealing store's) runs on while this one is applied, so
  // waiting on the database or that thread for one batch does not hold the next one back.
  let next = readAfter(batch);
  while (batch.length > 0) {
    const following = next.then(readAfter);
    following.catch(() => undefined);
    position = await applyBatch(dataSource, projection, position, batch, clock);
    done += batch.length;
    options.onProgress?.(progress(done, position));
    await yieldToEventLoop();
    batch = await next;
    next = following;
  }
  return progress(done, position);
}
