import { ChangeStamp } from '../shared/change-stamp';
import { RegionFields } from './region.events';

/** Create or replace a region (an idempotent PUT). */
export interface PutRegion extends RegionFields, ChangeStamp {
  readonly type: 'PutRegion';
}

export type RegionCommand = PutRegion;
