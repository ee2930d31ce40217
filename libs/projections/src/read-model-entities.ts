import { ProjectionCheckpointEntity } from './checkpoint/projection-checkpoint.entity';
import { Projection, ReadModelEntity } from './projection';

/** Every entity a read-model data source must know: the checkpoints plus each projection's. */
export function readModelEntities(projections: readonly Projection[]): ReadModelEntity[] {
  return [ProjectionCheckpointEntity, ...projections.flatMap((p) => p.entities)];
}
