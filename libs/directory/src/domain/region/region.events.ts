import type { DomainEvent } from '@heard/event-store';
import { ChangeStamp } from '../shared/change-stamp';

export interface RegionFields {
  readonly regionId: string;
  readonly name: string;
  /** The regional manager who receives the region's escalations. */
  readonly leadId: string | null;
}

export type RegionDefined = DomainEvent<'RegionDefined', RegionFields & ChangeStamp>;
export type RegionChanged = DomainEvent<'RegionChanged', RegionFields & ChangeStamp>;
export type RegionEvent = RegionDefined | RegionChanged;
