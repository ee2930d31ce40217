import { EventStore } from '@heard/event-store';
import { FixedClock, InMemoryEventStore } from '@heard/event-store/testing';
import { MasterKey } from '../keys/master-key';
import { DataKeyPersonalData } from '../personal/data-key-personal-data';
import { PersonalFields } from '../personal/personal-fields';
import { withPersonalData } from '../personal/with-personal-data';
import { MemoryTable } from './memory-data-key-table';

/** An in-memory store sealing `fields`, with the raw store beneath it to look at what is stored. */
export function personalDataStore(fields: readonly PersonalFields[], clock = new FixedClock()) {
  const raw = new InMemoryEventStore(clock);
  const keys = new MemoryTable();
  const personal = new DataKeyPersonalData(keys, MasterKey.generate());
  const store: EventStore = withPersonalData(raw, personal, fields);
  return { raw, keys, personal, store, clock };
}
