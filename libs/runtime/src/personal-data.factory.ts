import { HeardConfig } from '@heard/config';
import {
  contactPreferencesSetPersonal,
  DataKeyPersonalData,
  DataKeyTable,
  MasterKey,
  PersonalFields,
  PostgresDataKeyTable,
  SqliteDataKeyTable,
} from '@heard/customers';
import { caseReopenedPersonal, replySentPersonal } from '@heard/cases';
import { feedbackReceivedPersonal } from '@heard/feedback';
import { dataFile, KEYS_FILE } from './data-files';

/** Every event type with personal fields, and how each keeps them sealed. */
export const PERSONAL_FIELDS: readonly PersonalFields[] = [
  feedbackReceivedPersonal,
  replySentPersonal,
  caseReopenedPersonal,
  contactPreferencesSetPersonal,
];

/** The schema of data keys when EventStoreDB holds the events and PostgreSQL the read models. */
export const DATA_KEYS_SCHEMA = 'heard_keys';

type KeySettings = Pick<HeardConfig, 'eventStore' | 'dataDir' | 'databaseUrl'>;

/**
 * Keys live beside the events: a SQLite file next to events.sqlite, or a table in the PostgreSQL
 * event store's schema. With EventStoreDB they go to PostgreSQL when DATABASE_URL is set.
 */
export async function openDataKeyTable(config: KeySettings, schema: string): Promise<DataKeyTable> {
  const postgres =
    config.databaseUrl !== null && config.eventStore !== 'sqlite' ? config.databaseUrl : null;
  if (postgres === null) return new SqliteDataKeyTable(dataFile(config, KEYS_FILE));
  return PostgresDataKeyTable.open({
    connectionString: postgres,
    schema: config.eventStore === 'postgres' ? schema : DATA_KEYS_SCHEMA,
  });
}

export interface PersonalDataRuntime {
  readonly personal: DataKeyPersonalData;
  readonly keys: DataKeyTable;
}

/** Refuses to start over keys wrapped by another master key, naming HEARD_MASTER_KEY. */
export async function openPersonalData(
  config: KeySettings & Pick<HeardConfig, 'masterKey'>,
  schema: string,
): Promise<PersonalDataRuntime> {
  const keys = await openDataKeyTable(config, schema);
  const personal = new DataKeyPersonalData(keys, MasterKey.fromBase64(config.masterKey));
  try {
    await personal.checkMasterKey();
  } catch (error) {
    await keys.close();
    throw error;
  }
  return { personal, keys };
}
