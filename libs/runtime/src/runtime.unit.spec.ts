import { loadConfig } from '@heard/config';
import { FixedClock } from '@heard/event-store/testing';
import { EventStoreDbEventStore } from '@heard/event-store-eventstoredb';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { createEventStore } from './event-store.factory';
import {
  createReadModelDataSource,
  readModelDataSourceOptions,
} from './read-model-data-source.factory';

@Entity('runtime_probe')
class Probe {
  @PrimaryColumn({ type: 'varchar', length: 20 })
  id!: string;

  @Column({ type: 'integer' })
  n!: number;
}

describe('runtime factories', () => {
  const dir = mkdtempSync(join(tmpdir(), 'heard-runtime-'));
  const embedded = loadConfig({ DATA_DIR: join(dir, 'data') });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps the embedded default in SQLite files under DATA_DIR', async () => {
    const store = await createEventStore(embedded, new FixedClock());
    await store.append('case-1', [{ type: 'Opened', data: {} }], { expectedVersion: 'no_stream' });
    await store.close();
    const dataSource = await createReadModelDataSource(embedded, [Probe]);
    await dataSource.destroy();
    expect(existsSync(join(dir, 'data', 'events.sqlite'))).toBe(true);
    expect(existsSync(join(dir, 'data', 'read-models.sqlite'))).toBe(true);
  });

  it('commits SQLite read models without an fsync each (WAL, synchronous NORMAL)', async () => {
    const dataSource = await createReadModelDataSource(embedded, [Probe]);
    try {
      const [{ journal_mode }] = (await dataSource.query('PRAGMA journal_mode')) as {
        journal_mode: string;
      }[];
      const [{ synchronous }] = (await dataSource.query('PRAGMA synchronous')) as {
        synchronous: number;
      }[];
      expect({ journal_mode, synchronous }).toEqual({ journal_mode: 'wal', synchronous: 1 });
      const [{ secure_delete }] = (await dataSource.query('PRAGMA secure_delete')) as {
        secure_delete: number;
      }[];
      expect(secure_delete).toBe(1);
    } finally {
      await dataSource.destroy();
    }
  });

  it('connects to EventStoreDB when EVENT_STORE=eventstoredb, lazily', async () => {
    const config = loadConfig({
      EVENT_STORE: 'eventstoredb',
      EVENTSTORE_URL: 'esdb://127.0.0.1:1?tls=false',
      JWT_SECRET: 's'.repeat(32),
      HEARD_MASTER_KEY: Buffer.alloc(32, 3).toString('base64'),
    });
    const store = await createEventStore(config, new FixedClock());
    expect(store).toBeInstanceOf(EventStoreDbEventStore);
    await store.close();
  });

  it('puts read models in PostgreSQL when DATABASE_URL is set', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://heard@db:5432/heard',
      JWT_SECRET: 's'.repeat(32),
      HEARD_MASTER_KEY: Buffer.alloc(32, 3).toString('base64'),
    });
    expect(readModelDataSourceOptions(config, [Probe], { schema: 'reads' })).toMatchObject({
      type: 'postgres',
      url: 'postgres://heard@db:5432/heard',
      schema: 'reads',
    });
  });
});
