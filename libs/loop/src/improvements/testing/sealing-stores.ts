import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import {
  contactPreferencesSetPersonal,
  DataKeyPersonalData,
  MasterKey,
  withPersonalData,
} from '@heard/customers';
import { MemoryTable } from '@heard/customers/testing';
import { EventStore } from '@heard/event-store';
import { PostgresEventStore } from '@heard/event-store-postgres';
import { SqliteEventStore } from '@heard/event-store-sqlite';

/** An event store as the outer loop meets it: a real adapter beneath the sealing store. */
export interface StoreUnderTest {
  readonly store: EventStore;
  /** The adapter beneath, for counting what was appended. */
  readonly raw: EventStore;
  dispose(): Promise<void>;
}

export type StoreFactory = () => Promise<StoreUnderTest>;

const sealed = (raw: EventStore): EventStore =>
  withPersonalData(raw, new DataKeyPersonalData(new MemoryTable(), MasterKey.generate()), [
    contactPreferencesSetPersonal,
  ]);

export const sqliteStore: StoreFactory = async () => {
  const dir = mkdtempSync(join(tmpdir(), 'heard-outer-loop-'));
  const raw = new SqliteEventStore(join(dir, 'events.sqlite'));
  return {
    raw,
    store: sealed(raw),
    dispose: async () => {
      await raw.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};

export const postgresStore =
  (connectionString: string): StoreFactory =>
  async () => {
    const schema = `heard_es_loop_${randomBytes(4).toString('hex')}`;
    const raw = await PostgresEventStore.open({ connectionString, schema, poolSize: 20 });
    return {
      raw,
      store: sealed(raw),
      dispose: async () => {
        await raw.close();
        const { Client } = await import('pg');
        const admin = new Client({ connectionString });
        await admin.connect();
        await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
        await admin.end();
      },
    };
  };

/** Both stores the int tests run on, named for `describe.each`. */
export const storesUnderTest = (): [string, StoreFactory][] => [
  ['SQLite', sqliteStore],
  ['PostgreSQL', postgresStore(process.env.TEST_DATABASE_URL as string)],
];
