import type { EventStore } from '@heard/event-store';
import { regionDecider } from '../../domain/region/region.decider';
import { RegionFields } from '../../domain/region/region.events';
import { regionStreamId } from '../../domain/region/region.state';
import { DirectoryEntry, EntryQueryOptions, loadEntry } from '../directory-entry';

export function getRegion(
  eventStore: EventStore,
  regionId: string,
  options: EntryQueryOptions<RegionFields> = {},
): Promise<DirectoryEntry<RegionFields> | null> {
  return loadEntry(eventStore, regionStreamId(regionId), regionDecider, options);
}
