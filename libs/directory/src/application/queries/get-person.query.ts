import type { EventStore } from '@heard/event-store';
import { personDecider } from '../../domain/person/person.decider';
import { PersonFields } from '../../domain/person/person.events';
import { personStreamId } from '../../domain/person/person.state';
import { DirectoryEntry, EntryQueryOptions, loadEntry } from '../directory-entry';

export function getPerson(
  eventStore: EventStore,
  personId: string,
  options: EntryQueryOptions<PersonFields> = {},
): Promise<DirectoryEntry<PersonFields> | null> {
  return loadEntry(eventStore, personStreamId(personId), personDecider, options);
}
