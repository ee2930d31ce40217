import { DataSource, EntityManager } from 'typeorm';
import { CheckpointConflictError } from './checkpoint-conflict.error';
import { ProjectionCheckpointEntity } from './projection-checkpoint.entity';
import { withoutTransaction } from '../schema/in-transaction';

/** The stored position, or null when the subscription never ran. */
export async function readCheckpoint(manager: EntityManager, name: string): Promise<bigint | null> {
  const row = await manager.findOneBy(ProjectionCheckpointEntity, { name });
  return row ? BigInt(row.position) : null;
}

/** Creates the row at 0 when missing and returns the stored position. */
export async function ensureCheckpoint(
  manager: EntityManager,
  name: string,
  now: Date,
): Promise<bigint> {
  await manager
    .createQueryBuilder()
    .insert()
    .into(ProjectionCheckpointEntity)
    .values({ name, position: '0', updatedAt: now })
    .orIgnore()
    .execute();
  return (await readCheckpoint(manager, name)) ?? 0n;
}

/**
 * Moves the checkpoint from `from` to `to`, or throws when someone else moved it first.
 * Called first in the batch transaction so that a competing runner waits on the row lock and
 * then fails here, before it has touched any read-model row.
 */
export async function advanceCheckpoint(
  manager: EntityManager,
  name: string,
  from: bigint,
  to: bigint,
  now: Date,
): Promise<void> {
  const result = await manager
    .createQueryBuilder()
    .update(ProjectionCheckpointEntity)
    .set({ position: to.toString(), updatedAt: now })
    .where({ name, position: from.toString() })
    .execute();
  if (result.affected !== 1) {
    throw new CheckpointConflictError(name, from, await readCheckpoint(manager, name));
  }
}

/**
 * The checkpoint alone moves, when nothing else has to commit with it: one statement outside any
 * transaction on PostgreSQL (see withoutTransaction).
 */
export function moveCheckpointAlone(
  dataSource: DataSource,
  name: string,
  from: bigint,
  to: bigint,
  now: Date,
): Promise<void> {
  return withoutTransaction(dataSource, (manager) =>
    advanceCheckpoint(manager, name, from, to, now),
  );
}

/** Back to the start, whatever the position was: only a rebuild does this. */
export async function resetCheckpoint(
  manager: EntityManager,
  name: string,
  now: Date,
): Promise<void> {
  await manager.upsert(
    ProjectionCheckpointEntity,
    { name, position: '0', updatedAt: now },
    { conflictPaths: ['name'] },
  );
}
