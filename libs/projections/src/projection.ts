import { RecordedEvent } from '@heard/event-store';
import { EntityManager, EntitySchema } from 'typeorm';

/** A TypeORM entity a read model owns: a decorated class or a schema. */
export type ReadModelEntity = (new () => object) | EntitySchema;

/**
 * A read model fed by the global log. `apply` must be idempotent: after a crash or a rebuild
 * the same event may meet a row that already reflects it, and must leave it as it is.
 */
export interface Projection {
  /** Unique among projections and reactors: it keys the stored checkpoint. */
  readonly name: string;
  /** Tables this projection owns; a rebuild drops and recreates exactly these. */
  readonly entities: readonly ReadModelEntity[];
  canHandle(type: string): boolean;
  /** Runs inside the batch's transaction; write only through `manager`. */
  apply(event: RecordedEvent, manager: EntityManager): Promise<void>;
  /**
   * Optional: the handled events of one batch at once, in log order, with the same effect as
   * `apply` on each. Lets a projection read and write its rows in a few statements per batch.
   */
  applyAll?(events: readonly RecordedEvent[], manager: EntityManager): Promise<void>;
}

export interface ProjectionDefinition {
  readonly name: string;
  readonly entities: readonly ReadModelEntity[];
  /** Event types to apply; omitted means every event. */
  readonly handles?: readonly string[];
  apply(event: RecordedEvent, manager: EntityManager): Promise<void>;
  applyAll?(events: readonly RecordedEvent[], manager: EntityManager): Promise<void>;
}

export function defineProjection(definition: ProjectionDefinition): Projection {
  const handles = definition.handles ? new Set(definition.handles) : null;
  return {
    name: definition.name,
    entities: definition.entities,
    canHandle: (type) => handles === null || handles.has(type),
    apply: (event, manager) => definition.apply(event, manager),
    ...(definition.applyAll ? { applyAll: definition.applyAll.bind(definition) } : {}),
  };
}
