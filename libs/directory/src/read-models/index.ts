import { Projection } from '@heard/projections';
import { personViewProjection } from './person-view.projection';
import { regionViewProjection } from './region-view.projection';
import { storeViewProjection } from './store-view.projection';
import { teamViewProjection } from './team-view.projection';

export * from './person-view.entity';
export * from './person-view.projection';
export * from './region-view.entity';
export * from './region-view.projection';
export * from './resolve-scope';
export * from './store-view.entity';
export * from './store-view.projection';
export * from './team-member-view.entity';
export * from './team-view.entity';
export * from './team-view.projection';

/** Directory read models (stores, regions, teams, people), run by the worker and the embedded API. */
export const directoryProjections: readonly Projection[] = [
  regionViewProjection,
  storeViewProjection,
  teamViewProjection,
  personViewProjection,
];
