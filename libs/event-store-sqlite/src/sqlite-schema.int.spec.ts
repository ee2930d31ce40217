import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from './sqlite-event-store';
import { openEventDatabase, SCHEMA_VERSION } from './sqlite-schema';

describe('SQLite event store file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'heard-sqlite-schema-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('opens with a WAL journal and a full sync on every commit', () => {
    const db = openEventDatabase(join(dir, 'settings.sqlite'), { busyTimeoutMs: 100 });
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(Number(db.pragma('synchronous', { simple: true }))).toBe(2);
      expect(Number(db.pragma('user_version', { simple: true }))).toBe(SCHEMA_VERSION);
    } finally {
      db.close();
    }
  });

  it('refuses a file written by another schema version instead of guessing', () => {
    const file = join(dir, 'future.sqlite');
    const other = new Database(file);
    other.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    other.close();
    expect(() => new SqliteEventStore(file)).toThrow(`schema version ${SCHEMA_VERSION + 1}`);
  });

  it('reopens an existing file with its events', async () => {
    const file = join(dir, 'reopened.sqlite');
    const first = new SqliteEventStore(file);
    await first.append('s-1', [{ type: 'Tested', data: { n: 1 } }], {
      expectedVersion: 'no_stream',
    });
    await first.close();
    const second = new SqliteEventStore(file);
    await second.append('s-1', [{ type: 'Tested', data: { n: 2 } }], { expectedVersion: 1 });
    expect((await second.readStream('s-1')).map((e) => e.data)).toEqual([{ n: 1 }, { n: 2 }]);
    await second.close();
  });

  it('works in memory for throwaway stores', async () => {
    const store = new SqliteEventStore(':memory:');
    const result = await store.append('s-1', [{ type: 'Tested', data: {} }], {
      expectedVersion: 'no_stream',
    });
    expect(result).toEqual({ nextExpectedVersion: 1, lastPosition: 1n });
    await store.close();
  });
});
