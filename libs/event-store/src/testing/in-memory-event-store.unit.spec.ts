import { eventStoreConformance } from './event-store.conformance';
import { InMemoryEventStore } from './in-memory-event-store';

// The reference adapter keeps the suite itself honest: it must pass before any real adapter can.
eventStoreConformance({
  name: 'in-memory reference',
  create: async (clock) => new InMemoryEventStore(clock),
});
