import { randomUUID } from 'node:crypto';
import { NewEvent, RecordedEvent, Subscription } from '@heard/event-store';
import { waitFor } from '@heard/event-store/testing';
import { Pool, PoolClient } from 'pg';
import { PostgresEventStore } from './postgres-event-store';
import { LogPageRead } from './postgres-event-store.options';
import { testSchemaName } from './testing/test-schema';

const HOLDING_WRITERS = 32;
const RUN_MS = 15_000;
const MAX_HOLD_MS = 2_000;
const SHARED_STREAMS = Array.from({ length: 8 }, (_, n) => `shared-${n}`);

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)];
// Holding a transaction open is the workload here, not a wait for a result.
const hold = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const events = (count: number): NewEvent[] =>
  Array.from({ length: count }, (_, n) => ({
    eventId: randomUUID(),
    type: 'Tortured',
    data: { n },
  }));

async function readWholeLog(store: PostgresEventStore): Promise<RecordedEvent[]> {
  const log: RecordedEvent[] = [];
  for (let after = 0n; ;) {
    const page = await store.readAll({ after, limit: 1000 });
    if (page.length === 0) return log;
    log.push(...page);
    after = page[page.length - 1].globalPosition;
  }
}

describe('postgres global order', () => {
  let pool: Pool;
  const pageReads: LogPageRead[] = [];
  const open = () =>
    PostgresEventStore.open({
      pool,
      schema: testSchemaName('ordering'),
      onLogPageRead: (read) => pageReads.push(read),
    });

  beforeAll(() => {
    pool = new Pool({ connectionString: process.env.TEST_DATABASE_URL, max: HOLDING_WRITERS + 8 });
  });
  afterAll(() => pool.end());

  it('does not deliver a commit while an older transaction that took a position is still open', async () => {
    const store = await open();
    const older = await pool.connect();
    try {
      await older.query('BEGIN');
      const a = await store.appendInTransaction(older, 'a', events(1), {
        expectedVersion: 'no_stream',
      });
      const b = await store.append('b', events(1), { expectedVersion: 'no_stream' });
      expect(b.lastPosition > a.lastPosition).toBe(true);

      const seen: string[] = [];
      pageReads.length = 0;
      const sub = store.subscribeToAll({ after: 0n }, async (batch) => {
        seen.push(...batch.map((e) => e.streamId));
      });
      await waitFor(() => pageReads.filter((r) => r.heldBack).length >= 3, {
        what: 'reads that find b committed but held back',
      });
      expect(seen).toEqual([]);

      await older.query('COMMIT');
      await waitFor(() => seen.length === 2, { what: 'a and b after a commits' });
      await sub.stop();
      expect(seen).toEqual(['a', 'b']);
    } finally {
      older.release();
      await store.close();
    }
  });

  it('delivers every committed event exactly once, in log order, across subscriber restarts, while 32 writers hold transactions open', async () => {
    const store = await open();
    const committed = new Set<string>();
    const rolledBack = new Set<string>();
    let transactions = 0;
    const deadline = Date.now() + RUN_MS;

    // The "read model": events and checkpoint change together, as in one transaction.
    const delivered: RecordedEvent[] = [];
    let checkpoint = 0n;
    const subscribe = () =>
      store.subscribeToAll({ after: checkpoint, batchSize: 50 }, async (batch) => {
        delivered.push(...batch);
        checkpoint = batch[batch.length - 1].globalPosition;
      });

    async function oneTransaction(client: PoolClient, own: readonly string[]): Promise<void> {
      const ids: string[] = [];
      const streams = [...new Set([pick(own), pick(own), pick(own)])];
      if (Math.random() < 0.05) streams.push(pick(SHARED_STREAMS));
      const rollBack = ++transactions % 100 === 50; // 1%
      await client.query('BEGIN');
      try {
        // Sorted, so that writers sharing streams queue on row locks instead of deadlocking.
        for (const stream of streams.sort()) {
          const batch = events(1 + Math.floor(Math.random() * 4));
          await store.appendInTransaction(client, stream, batch, { expectedVersion: 'any' });
          ids.push(...batch.map((e) => e.eventId as string));
        }
        await hold(Math.random() * MAX_HOLD_MS);
        if (rollBack) throw new Error('rolled back on purpose');
        await client.query('COMMIT');
        for (const id of ids) committed.add(id);
      } catch {
        // A planned rollback, or a ConcurrencyError from a younger writer on a shared stream.
        await client.query('ROLLBACK');
        for (const id of ids) rolledBack.add(id);
      }
    }

    const holdingWriter = async (w: number) => {
      const own = [0, 1, 2].map((n) => `writer-${w}-${n}`);
      const client = await pool.connect();
      try {
        while (Date.now() < deadline) await oneTransaction(client, own);
      } finally {
        client.release();
      }
    };
    // Short transactions through group commit, in between the long ones.
    const groupWriter = async (w: number) => {
      let version = 0;
      while (Date.now() < deadline) {
        const batch = events(1);
        await store.append(`grouped-${w}`, batch, { expectedVersion: version || 'no_stream' });
        version++;
        committed.add(batch[0].eventId as string);
        await hold(5);
      }
    };

    let subscription: Subscription = subscribe();
    let restarts = 0;
    const killer = async () => {
      while (Date.now() < deadline) {
        await hold(1000 + Math.random() * 2000);
        await subscription.stop();
        subscription = subscribe();
        restarts++;
      }
    };

    await Promise.all([
      ...Array.from({ length: HOLDING_WRITERS }, (_, w) => holdingWriter(w)),
      groupWriter(1),
      groupWriter(2),
      killer(),
    ]);
    await waitFor(() => delivered.length >= committed.size, {
      timeoutMs: 20_000,
      what: `all ${committed.size} committed events delivered`,
    });
    await subscription.stop();

    expect(restarts).toBeGreaterThanOrEqual(4);
    expect(transactions).toBeGreaterThan(200);
    expect(rolledBack.size).toBeGreaterThan(0);
    const ids = delivered.map((e) => e.eventId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => rolledBack.has(id))).toEqual([]);
    expect(new Set(ids)).toEqual(committed);
    for (let i = 1; i < delivered.length; i++) {
      expect(delivered[i].globalPosition > delivered[i - 1].globalPosition).toBe(true);
    }
    expect(ids).toEqual((await readWholeLog(store)).map((e) => e.eventId));
    const versions = new Map<string, number>();
    for (const e of delivered) {
      expect(e.streamVersion).toBe((versions.get(e.streamId) ?? 0) + 1);
      versions.set(e.streamId, e.streamVersion);
    }
    await store.close();
  }, 60_000);
});
