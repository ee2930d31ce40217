import { HeardConfig } from '@heard/config';
import { AppendGathering, Clock, EventStore, GroupCommitObserver } from '@heard/event-store';
import { EventStoreDbEventStore } from '@heard/event-store-eventstoredb';
import { PostgresEventStore } from '@heard/event-store-postgres';
import { AppendWriter, SqliteEventStore } from '@heard/event-store-sqlite';
import { withPersonalData } from '@heard/customers';
import { dataFile, EVENTS_FILE } from './data-files';
import { openPersonalData, PERSONAL_FIELDS, PersonalDataRuntime } from './personal-data.factory';

/** The PostgreSQL event store keeps to its own schema, away from the read models in `public`. */
export const EVENT_STORE_SCHEMA = 'heard_events';

type EventStoreSettings = Pick<
  HeardConfig,
  'eventStore' | 'dataDir' | 'databaseUrl' | 'eventStoreUrl'
>;
type HeardEventStoreSettings = EventStoreSettings & Pick<HeardConfig, 'masterKey'>;

/** loadConfig refuses these already; this keeps a hand-made config honest too. */
function required(value: string | null, variable: string, kind: string): string {
  if (value === null) throw new Error(`${variable} is required when EVENT_STORE=${kind}`);
  return value;
}

export interface EventStoreOptions {
  /**
   * SQLite only: append through the store that holds the file's writing connection in another
   * thread, so that threads never wait on each other's write locks.
   */
  readonly sqliteAppendThrough?: AppendWriter;
  /** SQLite only: write from a thread of its own (see SqliteEventStoreOptions.writerThread). */
  readonly sqliteWriterThread?: boolean;
  /**
   * Which appends are sealed together and, on SQLite with a writer thread, cross to it as one
   * message (see AppendGathering): `turn` for a thread that answers requests. Default `task`.
   */
  readonly gatherAppends?: AppendGathering;
  /**
   * Told of each group commit this store writes (SQLite, PostgreSQL): on SQLite with a writer
   * thread, every commit of the process; EventStoreDB has none to tell.
   */
  readonly onGroupCommit?: GroupCommitObserver;
}

/** The adapter EVENT_STORE names. */
export async function createEventStore(
  config: EventStoreSettings,
  clock: Clock,
  options: EventStoreOptions = {},
): Promise<EventStore> {
  switch (config.eventStore) {
    case 'sqlite':
      return new SqliteEventStore(dataFile(config, EVENTS_FILE), clock, {
        appendThrough: options.sqliteAppendThrough,
        writerThread: options.sqliteWriterThread,
        gatherAppends: options.gatherAppends,
        onGroupCommit: options.onGroupCommit,
      });
    case 'postgres':
      return PostgresEventStore.open({
        schema: EVENT_STORE_SCHEMA,
        connectionString: required(config.databaseUrl, 'DATABASE_URL', 'postgres'),
        // Intake, every subscription's reads and the reactors' parallel work share this pool;
        // an API and a worker stay well inside PostgreSQL's default 100 connections.
        poolSize: 20,
        clock,
        onGroupCommit: options.onGroupCommit,
      });
    case 'eventstoredb':
      return EventStoreDbEventStore.connect(
        required(config.eventStoreUrl, 'EVENTSTORE_URL', 'eventstoredb'),
        { clock },
      );
    default: {
      const unknown: never = config.eventStore;
      throw new Error(`EVENT_STORE ${String(unknown)} has no adapter`);
    }
  }
}

/** The event store as Heard uses it: personal fields sealed on append, opened on every read. */
export interface HeardEventStore extends PersonalDataRuntime {
  /** Seals and opens; closing it closes the adapter and the key table. */
  readonly store: EventStore;
  /** The adapter beneath: what is stored, as it is stored. */
  readonly raw: EventStore;
}

export async function createHeardEventStore(
  config: HeardEventStoreSettings,
  clock: Clock,
  options: EventStoreOptions = {},
): Promise<HeardEventStore> {
  const raw = await createEventStore(config, clock, options);
  let runtime: PersonalDataRuntime;
  try {
    runtime = await openPersonalData(config, EVENT_STORE_SCHEMA);
  } catch (error) {
    await raw.close();
    throw error;
  }
  const sealed = withPersonalData(raw, runtime.personal, PERSONAL_FIELDS, options.gatherAppends);
  const store: EventStore = {
    ...sealed,
    close: async () => {
      await raw.close();
      await runtime.personal.close();
      await runtime.keys.close();
    },
  };
  return { ...runtime, store, raw };
}
