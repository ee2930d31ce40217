import { HeardConfig } from '@heard/config';
import { Clock, EventStore } from '@heard/event-store';
import { SqliteEventStore } from '@heard/event-store-sqlite';
import { dataFile, EVENTS_FILE } from './data-files';

type EventStoreSettings = Pick<
  HeardConfig,
  'eventStore' | 'dataDir' | 'databaseUrl' | 'eventStoreUrl'
>;

/** The adapter EVENT_STORE names; loadConfig has already checked the URLs it needs. */
export async function createEventStore(
  config: EventStoreSettings,
  clock: Clock,
): Promise<EventStore> {
  switch (config.eventStore) {
    case 'sqlite':
      return new SqliteEventStore(dataFile(config, EVENTS_FILE), clock);
    case 'postgres':
    case 'eventstoredb':
      throw new Error(`EVENT_STORE=${config.eventStore} is not wired into @heard/runtime yet`);
    default: {
      const unknown: never = config.eventStore;
      throw new Error(`EVENT_STORE ${String(unknown)} has no adapter`);
    }
  }
}
