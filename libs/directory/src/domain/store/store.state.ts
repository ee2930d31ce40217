import { SnapshotState, undefinedSnapshot } from '../shared/snapshot-state';
import { StoreFields } from './store.events';

export type StoreState = SnapshotState<StoreFields>;

export const initialStoreState = (): StoreState => undefinedSnapshot;

export const storeStreamId = (storeId: string): string => `store-${storeId}`;
