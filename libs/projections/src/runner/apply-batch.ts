import { Clock, RecordedEvent } from '@heard/event-store';
import { DataSource } from 'typeorm';
import { advanceCheckpoint, moveCheckpointAlone } from '../checkpoint/checkpoints';
import { Projection } from '../projection';
import { inTransaction } from '../schema/in-transaction';

/**
 * Applies one batch and moves the checkpoint past it in ONE transaction: either both commit or
 * neither does, so no crash can apply an event twice or skip one. Returns the new checkpoint.
 */
export async function applyBatch(
  dataSource: DataSource,
  projection: Projection,
  from: bigint,
  events: readonly RecordedEvent[],
  clock: Clock,
): Promise<bigint> {
  if (events.length === 0) return from;
  const to = events[events.length - 1].globalPosition;
  const handled = events.filter((event) => projection.canHandle(event.type));
  // Most batches hold nothing for a directory projection: then the checkpoint alone moves.
  if (handled.length === 0) {
    await moveCheckpointAlone(dataSource, projection.name, from, to, clock.now());
    return to;
  }
  await inTransaction(dataSource, async (manager) => {
    await advanceCheckpoint(manager, projection.name, from, to, clock.now());
    if (projection.applyAll) {
      await projection.applyAll(handled, manager);
    } else {
      for (const event of handled) await projection.apply(event, manager);
    }
  });
  return to;
}
