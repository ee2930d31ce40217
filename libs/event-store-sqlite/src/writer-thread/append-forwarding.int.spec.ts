import {
  AppendGathering,
  ConcurrencyError,
  EventIdReusedError,
  InvalidAppendError,
} from '@heard/event-store';
import { eventStoreConformance, FixedClock } from '@heard/event-store/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MessageChannel } from 'node:worker_threads';
import { CallersClock, forwardAppends, serveAppends } from './append-forwarding';
import { SqliteEventStore } from '../sqlite-event-store';

const dir = mkdtempSync(join(tmpdir(), 'heard-sqlite-forwarding-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A store whose appends cross a MessagePort to the store that holds the writing connection. */
function forwardingStore(file: string, clock: FixedClock): SqliteEventStore {
  const callers = new CallersClock();
  const writer = new SqliteEventStore(file, callers);
  const { port1, port2 } = new MessageChannel();
  serveAppends(writer, port1, callers);
  const store = new SqliteEventStore(file, clock, { appendThrough: forwardAppends(port2) });
  const close = store.close.bind(store);
  return Object.assign(store, {
    close: async () => {
      await close();
      await writer.close();
      port1.close();
    },
  });
}

/** A writing store served over a MessagePort, counting the appends each message carries. */
function countedForwarding(file: string, gathering?: AppendGathering) {
  const writer = new SqliteEventStore(join(dir, file), new FixedClock());
  const { port1, port2 } = new MessageChannel();
  const messages: number[] = [];
  port1.on('message', (batch: unknown[]) => messages.push(batch.length));
  serveAppends(writer, port1);
  const close = async () => {
    port1.close();
    await writer.close();
  };
  return { writer, messages, append: forwardAppends(port2, gathering), close };
}

eventStoreConformance({
  name: 'SQLite, appends forwarded through a MessagePort',
  create: async (clock) => forwardingStore(join(dir, 'conformance.sqlite'), clock as FixedClock),
});

describe('appends forwarded through a MessagePort', () => {
  it('refuses with the same error classes and fields as the writing store', async () => {
    const store = forwardingStore(join(dir, 'errors.sqlite'), new FixedClock());
    try {
      const id = '0190a1b2-0000-7000-8000-000000000001';
      await store.append('s-1', [{ eventId: id, type: 'A', data: { n: 1 } }], {
        expectedVersion: 'no_stream',
      });
      const conflict = await store
        .append('s-1', [{ type: 'A', data: {} }], { expectedVersion: 'no_stream' })
        .catch((e: unknown) => e);
      expect(conflict).toBeInstanceOf(ConcurrencyError);
      expect(conflict).toMatchObject({ streamId: 's-1', expected: 'no_stream', actual: 1 });
      const reused = await store
        .append('s-2', [{ eventId: id, type: 'A', data: { n: 2 } }], { expectedVersion: 'any' })
        .catch((e: unknown) => e);
      expect(reused).toBeInstanceOf(EventIdReusedError);
      expect(reused).toMatchObject({ eventId: id });
      const invalid = await store
        .append('$system', [{ type: 'A', data: {} }], { expectedVersion: 'any' })
        .catch((e: unknown) => e);
      expect(invalid).toBeInstanceOf(InvalidAppendError);
      expect(invalid).toMatchObject({ field: 'streamId' });
    } finally {
      await store.close();
    }
  });

  it('sends the appends of one tick as one message, and fails only one that cannot cross', async () => {
    const { writer, messages, append, close } = countedForwarding('batched.sqlite');
    try {
      const at = new Date();
      const results = await Promise.allSettled([
        append('b-1', [{ type: 'A', data: { n: 1 } }], 'no_stream', at),
        append('b-2', [{ type: 'A', data: { n: 2 } }], 'no_stream', at),
        append('b-3', [{ type: 'A', data: { f: () => 1 } }], 'no_stream', at),
        append('b-4', [{ type: 'A', data: { n: 4 } }], 'no_stream', at),
      ]);
      expect(results.map((r) => r.status)).toEqual([
        'fulfilled',
        'fulfilled',
        'rejected',
        'fulfilled',
      ]);
      expect((results[2] as PromiseRejectedResult).reason).toMatchObject({
        name: 'DataCloneError',
      });
      // The batch of four could not cross, so the three that could went one by one.
      expect(messages).toEqual([1, 1, 1]);
      await Promise.all(
        ['c-1', 'c-2', 'c-3'].map((s) =>
          append(s, [{ type: 'A', data: {} }], 'no_stream', new Date()),
        ),
      );
      expect(messages).toEqual([1, 1, 1, 3]);
      expect((await writer.readAll()).map((e) => e.streamId)).toEqual([
        'b-1',
        'b-2',
        'b-4',
        'c-1',
        'c-2',
        'c-3',
      ]);
    } finally {
      await close();
    }
  });

  it.each([
    ['turn', [2]],
    ['task', [1, 1]],
  ] as const)(
    'sends appends of separate tasks in one turn of the event loop as one message if gathered per %s',
    async (gathering, expected) => {
      const { messages, append, close } = countedForwarding(`one-${gathering}.sqlite`, gathering);
      try {
        // Two immediates run in one turn, each a task whose microtasks run before the next.
        const appended = await new Promise<Promise<unknown>[]>((resolve) => {
          const calls: Promise<unknown>[] = [];
          setImmediate(() =>
            calls.push(append('t-1', [{ type: 'A', data: {} }], 'no_stream', new Date())),
          );
          setImmediate(() => {
            calls.push(append('t-2', [{ type: 'A', data: {} }], 'no_stream', new Date()));
            resolve(calls);
          });
        });
        await Promise.all(appended);
        expect(messages).toEqual(expected);
      } finally {
        await close();
      }
    },
  );
});

eventStoreConformance({
  name: 'SQLite with a writer thread',
  create: async (clock) =>
    new SqliteEventStore(join(dir, 'writer-thread.sqlite'), clock, { writerThread: true }),
});
