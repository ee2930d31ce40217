import { randomUUID } from 'node:crypto';
import { ConcurrencyError, NewEvent } from '@heard/event-store';
import { waitFor } from '@heard/event-store/testing';
import { Pool } from 'pg';
import { decodePosition } from './global-position';
import { PostgresEventStore } from './postgres-event-store';
import { testSchemaName } from './testing/test-schema';

const one = (n = 1): NewEvent[] => [{ type: 'Grouped', data: { n } }];
const stream = (label: string) => `${label}-${randomUUID()}`;

describe('postgres group commit and caller transactions', () => {
  const schema = testSchemaName('group');
  let pool: Pool;
  let store: PostgresEventStore;

  beforeAll(async () => {
    pool = new Pool({ connectionString: process.env.TEST_DATABASE_URL, max: 8 });
    store = await PostgresEventStore.open({ pool, schema });
  });
  afterAll(async () => {
    await store.close();
    await pool.end();
  });

  it('answers each append of one group on its own, applying appends to one stream in call order', async () => {
    const [s1, s2, s3] = [stream('g1'), stream('g2'), stream('g3')];
    const results = await Promise.allSettled([
      store.append(s1, one(1), { expectedVersion: 'no_stream' }),
      store.append(s1, one(2), { expectedVersion: 1 }),
      store.append(s2, one(), { expectedVersion: 5 }),
      store.append(s3, one(), { expectedVersion: 'no_stream' }),
    ]);
    const [first, second, refused, other] = results;
    expect(refused).toMatchObject({ status: 'rejected', reason: expect.any(ConcurrencyError) });
    expect(second).toMatchObject({ status: 'fulfilled', value: { nextExpectedVersion: 2 } });
    const written = [first, second, other].map((r) => {
      if (r.status !== 'fulfilled') throw r.reason;
      return decodePosition(r.value.lastPosition);
    });
    expect(new Set(written.map((p) => p.txId)).size).toBe(1); // one transaction
    expect(written.map((p) => p.index)).toEqual([0, 1, 3]); // the refused append leaves a gap
    expect((await store.readStream(s1)).map((e) => e.data)).toEqual([{ n: 1 }, { n: 2 }]);
    expect(await store.readStream(s2)).toEqual([]);
  });

  it('answers a retry racing its original with the original result', async () => {
    const id = stream('race-retry');
    const batch = [{ eventId: randomUUID(), type: 'Grouped', data: { n: 1 } }];
    const [a, b] = await Promise.all([
      store.append(id, batch, { expectedVersion: 'no_stream' }),
      store.append(id, batch, { expectedVersion: 'no_stream' }),
    ]);
    expect(b).toEqual(a);
    expect(await store.readStream(id)).toHaveLength(1);
  });

  it('appends in a caller transaction: visible on commit, gone on rollback, usable after a conflict', async () => {
    const [kept, dropped] = [stream('tx-kept'), stream('tx-dropped')];
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await store.appendInTransaction(client, kept, one(1), { expectedVersion: 'no_stream' });
      await expect(
        store.appendInTransaction(client, kept, one(2), { expectedVersion: 7 }),
      ).rejects.toMatchObject({ streamId: kept, expected: 7, actual: 1 });
      await store.appendInTransaction(client, kept, one(2), { expectedVersion: 1 });
      expect(await store.readStream(kept)).toEqual([]);
      await client.query('COMMIT');
      expect((await store.readStream(kept)).map((e) => e.streamVersion)).toEqual([1, 2]);

      await client.query('BEGIN');
      await store.appendInTransaction(client, dropped, one(), { expectedVersion: 'no_stream' });
      await client.query('ROLLBACK');
      expect(await store.readStream(dropped)).toEqual([]);
      await store.append(dropped, one(), { expectedVersion: 'no_stream' });
    } finally {
      client.release();
    }
  });

  it('refuses to put a stream out of log order from an older transaction', async () => {
    const id = stream('older');
    const older = await pool.connect();
    try {
      await older.query('BEGIN');
      await store.appendInTransaction(older, stream('elsewhere'), one(), {
        expectedVersion: 'no_stream',
      });
      await store.append(id, one(1), { expectedVersion: 'no_stream' }); // a younger transaction
      await expect(
        store.appendInTransaction(older, id, one(2), { expectedVersion: 'any' }),
      ).rejects.toBeInstanceOf(ConcurrencyError);
      await older.query('ROLLBACK');
    } finally {
      older.release();
    }
    await store.append(id, one(2), { expectedVersion: 1 });
    const events = await store.readStream(id);
    expect(events[1].globalPosition > events[0].globalPosition).toBe(true);
  });

  it('puts back an append that a younger transaction overtook while its group waited for a lock', async () => {
    const [a, b] = [stream('a-locked'), stream('b-overtaken')];
    const holder = await pool.connect();
    const overtaker = await pool.connect();
    try {
      await holder.query('BEGIN');
      await store.appendInTransaction(holder, a, one(), { expectedVersion: 'no_stream' });
      // One group: it takes its transaction id, then waits for `a`, locked above.
      const grouped = Promise.all([
        store.append(a, one(), { expectedVersion: 'any' }),
        store.append(b, one(2), { expectedVersion: 'any' }),
      ]);
      await waitFor(
        async () =>
          (
            await pool.query(
              `SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock'
                 AND datname = current_database() AND query LIKE $1`,
              [`%${schema}.append_batches%`],
            )
          ).rowCount === 1,
        { what: 'the group waiting for the lock on a' },
      );
      await overtaker.query('BEGIN');
      await store.appendInTransaction(overtaker, b, one(1), { expectedVersion: 'no_stream' });
      await overtaker.query('COMMIT');
      await holder.query('COMMIT');

      const [, written] = await grouped;
      expect(written.nextExpectedVersion).toBe(2);
      const events = await store.readStream(b);
      expect(events.map((e) => e.data)).toEqual([{ n: 1 }, { n: 2 }]);
      expect(events[1].globalPosition > events[0].globalPosition).toBe(true);
    } finally {
      holder.release();
      overtaker.release();
    }
  });
});
