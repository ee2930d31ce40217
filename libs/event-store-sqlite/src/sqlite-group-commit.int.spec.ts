import {
  ConcurrencyError,
  EventIdReusedError,
  InvalidAppendError,
  NewEvent,
  RecordedEvent,
} from '@heard/event-store';
import { FixedClock, waitFor } from '@heard/event-store/testing';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from './sqlite-event-store';

const event = (n: number, eventId?: string): NewEvent => ({ type: 'Tested', data: { n }, eventId });
const id = (label: string) => `${label}-${randomUUID()}`;

describe('SQLite event store group commit', () => {
  const dir = mkdtempSync(join(tmpdir(), 'heard-sqlite-group-'));
  const file = join(dir, 'events.sqlite');
  let store: SqliteEventStore;

  beforeAll(() => {
    store = new SqliteEventStore(file, new FixedClock());
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes 200 concurrent appends to distinct streams in far fewer than 200 transactions', async () => {
    const before = store.stats().transactions;
    const streams = Array.from({ length: 200 }, () => id('grouped'));
    const results = await Promise.all(
      streams.map((s, i) => store.append(s, [event(i)], { expectedVersion: 'no_stream' })),
    );
    expect(store.stats().transactions - before).toBeLessThanOrEqual(2);
    expect(results.every((r) => r.nextExpectedVersion === 1)).toBe(true);
    expect(new Set(results.map((r) => r.lastPosition)).size).toBe(200);
  });

  it('gives each caller of one group its own result or error, and one conflict fails no one else', async () => {
    const stored = id('stored');
    const reusedId = randomUUID();
    await store.append(stored, [event(0, reusedId)], { expectedVersion: 'no_stream' });
    const [a, b, shared] = [id('a'), id('b'), id('shared')];
    const before = store.stats().transactions;

    const calls = [
      store.append(a, [event(1)], { expectedVersion: 'no_stream' }),
      store.append(stored, [event(2)], { expectedVersion: 5 }),
      store.append(shared, [event(3)], { expectedVersion: 'no_stream' }),
      store.append(b, [event(4, reusedId)], { expectedVersion: 'any' }),
      store.append(shared, [event(5), event(6)], { expectedVersion: 1 }),
      store.append(shared, [event(7)], { expectedVersion: 'no_stream' }),
      store.append(b, [event(8)], { expectedVersion: 'no_stream' }),
    ];
    const settled = await Promise.allSettled(calls);

    expect(store.stats().transactions - before).toBe(1);
    const reasons = settled.map((r) => (r.status === 'rejected' ? r.reason : undefined));
    expect(reasons[1]).toBeInstanceOf(ConcurrencyError);
    expect(reasons[1]).toMatchObject({ streamId: stored, expected: 5, actual: 1 });
    expect(reasons[3]).toBeInstanceOf(EventIdReusedError);
    expect(reasons[5]).toMatchObject({ streamId: shared, expected: 'no_stream', actual: 3 });
    for (const i of [0, 2, 4, 6]) expect(settled[i].status).toBe('fulfilled');
    const dataOf = async (s: string) => (await store.readStream(s)).map((e) => e.data);
    expect(await dataOf(shared)).toEqual([{ n: 3 }, { n: 5 }, { n: 6 }]);
    expect(await dataOf(b)).toEqual([{ n: 8 }]);
    expect(await dataOf(a)).toEqual([{ n: 1 }]);
  });

  it('answers a retry queued in the same group as its original with the same result', async () => {
    const s = id('retried');
    const batch = [event(1, randomUUID()), event(2, randomUUID())];
    const [first, again] = await Promise.all([
      store.append(s, batch, { expectedVersion: 'no_stream' }),
      store.append(s, batch, { expectedVersion: 'no_stream' }),
    ]);
    expect(again).toEqual(first);
    expect(await store.readStream(s)).toHaveLength(2);
  });

  it('refuses invalid input at once, before it can join a group', async () => {
    const before = store.stats();
    await expect(store.append('', [event(1)], { expectedVersion: 'any' })).rejects.toBeInstanceOf(
      InvalidAppendError,
    );
    expect(store.stats()).toEqual(before);
  });

  it('delivers appends made through another connection to the same file by polling', async () => {
    const other = new SqliteEventStore(file, new FixedClock(), { pollIntervalMs: 50 });
    const s = id('other-process');
    const seen: RecordedEvent[] = [];
    const sub = store.subscribeToStream(s, { afterVersion: 0 }, async (batch) => {
      seen.push(...batch);
    });
    try {
      await other.append(s, [event(1), event(2)], { expectedVersion: 'no_stream' });
      await waitFor(() => seen.length === 2, { what: 'events from the other connection' });
    } finally {
      await sub.stop();
      await other.close();
    }
  });

  it('lets the event loop turn between catch-up batches, so appends and timers are not starved', async () => {
    const s = id('catch-up');
    const events = Array.from({ length: 1000 }, (_, n) => event(n));
    await store.append(s, events, { expectedVersion: 'no_stream' });
    const seen: RecordedEvent[] = [];
    const sub = store.subscribeToStream(s, { afterVersion: 0, batchSize: 50 }, async (batch) => {
      seen.push(...batch);
    });
    const seenAtNextTurn = new Promise<number>((resolve) =>
      setImmediate(() => resolve(seen.length)),
    );
    await waitFor(() => seen.length === 1000, { what: 'catch-up' });
    await sub.stop();
    expect(await seenAtNextTurn).toBeLessThan(1000);
  });

  it('commits what is queued when closed, then refuses appends', async () => {
    const closing = new SqliteEventStore(file);
    const s = id('closing');
    const queued = closing.append(s, [event(1)], { expectedVersion: 'no_stream' });
    await closing.close();
    await expect(queued).resolves.toMatchObject({ nextExpectedVersion: 1 });
    await expect(closing.append(s, [event(2)], { expectedVersion: 1 })).rejects.toThrow('closed');
    expect(await store.readStream(s)).toHaveLength(1);
  });
});
