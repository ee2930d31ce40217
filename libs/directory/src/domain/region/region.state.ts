import { SnapshotState, undefinedSnapshot } from '../shared/snapshot-state';
import { RegionFields } from './region.events';

export type RegionState = SnapshotState<RegionFields>;

export const initialRegionState = (): RegionState => undefinedSnapshot;

export const regionStreamId = (regionId: string): string => `region-${regionId}`;
