import type { EventStore } from '@heard/event-store';
import { storeDecider } from '../../domain/store/store.decider';
import { StoreFields } from '../../domain/store/store.events';
import { storeStreamId } from '../../domain/store/store.state';
import { DirectoryEntry, EntryQueryOptions, loadEntry } from '../directory-entry';

export function getStore(
  eventStore: EventStore,
  storeId: string,
  options: EntryQueryOptions<StoreFields> = {},
): Promise<DirectoryEntry<StoreFields> | null> {
  return loadEntry(eventStore, storeStreamId(storeId), storeDecider, options);
}
