import { randomUUID } from 'node:crypto';
import { ConcurrencyError, EventIdReusedError, InvalidAppendError } from '../errors';
import { EventStore } from '../event-store.port';
import { NewEvent, RecordedEvent } from '../recorded-event';
import { UpcasterRegistry, withUpcasting } from '../upcasting';
import { isUuid } from '../uuid-v7';
import { FixedClock } from './fixed-clock';
import { waitFor } from './wait-for';

export interface ConformanceOptions {
  /** Shown in test names. */
  readonly name: string;
  /** A store over fresh or shared storage; tests use their own streams and read the log from where they started. */
  create(clock: FixedClock): Promise<EventStore>;
  /**
   * False for a store that cannot look events up by id across streams (EventStoreDB): the test
   * that needs it is skipped with a name that says so, never silently passed.
   */
  readonly detectsEventIdReuseAcrossStreams?: boolean;
  /** Events in the large-stream test; 100,000 unless an adapter's run says otherwise. */
  readonly largeStreamEvents?: number;
}

type Tested = { n: number; text?: string };

const event = (
  n: number,
  extra: Omit<Partial<NewEvent>, 'type' | 'data'> = {},
): NewEvent<string, Tested> => ({
  type: 'Tested',
  data: { n },
  ...extra,
});

const range = (count: number, from = 1) => Array.from({ length: count }, (_, i) => from + i);

async function lastPosition(store: EventStore): Promise<bigint> {
  let after = 0n;
  for (;;) {
    const page = await store.readAll({ after, limit: 10_000 });
    if (page.length === 0) return after;
    after = page[page.length - 1].globalPosition;
  }
}

async function readAllAfter(
  store: EventStore,
  after: bigint,
  limit = 1000,
): Promise<RecordedEvent[]> {
  const out: RecordedEvent[] = [];
  for (;;) {
    const page = await store.readAll({ after, limit });
    if (page.length === 0) return out;
    out.push(...page);
    after = page[page.length - 1].globalPosition;
  }
}

async function expectRejection<E extends Error>(
  promise: Promise<unknown>,
  type: new (...a: never[]) => E,
): Promise<E> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(type);
  return error as E;
}

/** The one suite every event-store adapter must pass. Called by each adapter's spec with its options. */
export function eventStoreConformance(options: ConformanceOptions): void {
  describe(`event store conformance: ${options.name}`, () => {
    const clock = new FixedClock();
    let store: EventStore;
    const streamId = (label: string) => `${label}-${randomUUID()}`;

    beforeAll(async () => {
      store = await options.create(clock);
    });
    afterAll(async () => {
      await store?.close();
    });

    describe('expected versions', () => {
      it('numbers a new stream from 1 and reports the next expected version', async () => {
        const id = streamId('new');
        const result = await store.append(id, [event(1), event(2), event(3)], {
          expectedVersion: 'no_stream',
        });
        expect(result.nextExpectedVersion).toBe(3);
        const events = await store.readStream(id);
        expect(events.map((e) => e.streamVersion)).toEqual([1, 2, 3]);
        expect(events.map((e) => (e.data as Tested).n)).toEqual([1, 2, 3]);
        expect(result.lastPosition).toBe(events[2].globalPosition);
      });

      it('rejects no_stream on an existing stream, naming stream, expected and actual, and writes nothing', async () => {
        const id = streamId('exists');
        await store.append(id, [event(1), event(2)], { expectedVersion: 'no_stream' });
        const error = await expectRejection(
          store.append(id, [event(3)], { expectedVersion: 'no_stream' }),
          ConcurrencyError,
        );
        expect(error).toMatchObject({ streamId: id, expected: 'no_stream', actual: 2 });
        expect(await store.readStream(id)).toHaveLength(2);
      });

      it('accepts the exact current version and rejects any other', async () => {
        const id = streamId('exact');
        await store.append(id, [event(1)], { expectedVersion: 'no_stream' });
        await store.append(id, [event(2)], { expectedVersion: 1 });
        const stale = await expectRejection(
          store.append(id, [event(3)], { expectedVersion: 1 }),
          ConcurrencyError,
        );
        expect(stale).toMatchObject({ streamId: id, expected: 1, actual: 2 });
        await expectRejection(
          store.append(id, [event(3)], { expectedVersion: 5 }),
          ConcurrencyError,
        );
        expect((await store.readStream(id)).map((e) => e.streamVersion)).toEqual([1, 2]);
      });

      it('rejects stream_exists and a number on a missing stream with actual no_stream', async () => {
        const id = streamId('missing');
        const error = await expectRejection(
          store.append(id, [event(1)], { expectedVersion: 'stream_exists' }),
          ConcurrencyError,
        );
        expect(error).toMatchObject({
          streamId: id,
          expected: 'stream_exists',
          actual: 'no_stream',
        });
        await expectRejection(
          store.append(id, [event(1)], { expectedVersion: 1 }),
          ConcurrencyError,
        );
        expect(await store.readStream(id)).toEqual([]);
      });

      it('accepts any on missing and existing streams, and stream_exists on an existing one', async () => {
        const id = streamId('any');
        await store.append(id, [event(1)], { expectedVersion: 'any' });
        await store.append(id, [event(2)], { expectedVersion: 'any' });
        await store.append(id, [event(3)], { expectedVersion: 'stream_exists' });
        expect((await store.readStream(id)).map((e) => e.streamVersion)).toEqual([1, 2, 3]);
      });

      it('lets exactly one of many racing writers with the same expectation win', async () => {
        const id = streamId('race');
        await store.append(id, [event(0)], { expectedVersion: 'no_stream' });
        const results = await Promise.allSettled(
          range(10).map((n) =>
            store.append(id, [event(n), event(n + 100)], { expectedVersion: 1 }),
          ),
        );
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        for (const r of results.filter(
          (r): r is PromiseRejectedResult => r.status === 'rejected',
        )) {
          expect(r.reason).toBeInstanceOf(ConcurrencyError);
        }
        expect((await store.readStream(id)).map((e) => e.streamVersion)).toEqual([1, 2, 3]);
      });
    });

    describe('idempotency', () => {
      it('treats re-sending the same event ids and data as success without writing again', async () => {
        const id = streamId('retry');
        const batch = [event(1, { eventId: randomUUID() }), event(2, { eventId: randomUUID() })];
        const first = await store.append(id, batch, { expectedVersion: 'no_stream' });
        const again = await store.append(id, batch, { expectedVersion: 'no_stream' });
        expect(again).toEqual(first);
        await store.append(id, [event(3)], { expectedVersion: 2 });
        expect(await store.append(id, batch, { expectedVersion: 'no_stream' })).toEqual(first);
        expect(await store.readStream(id)).toHaveLength(3);
      });

      it('refuses an event id reused in the same stream with other data', async () => {
        const id = streamId('reuse');
        const eventId = randomUUID();
        await store.append(id, [event(1, { eventId })], { expectedVersion: 'no_stream' });
        await expectRejection(
          store.append(id, [event(2, { eventId })], { expectedVersion: 'any' }),
          EventIdReusedError,
        );
        expect(await store.readStream(id)).toHaveLength(1);
      });

      const crossStream = options.detectsEventIdReuseAcrossStreams === false ? it.skip : it;
      const crossStreamName =
        options.detectsEventIdReuseAcrossStreams === false
          ? `does not check an event id reused in another stream: ${options.name} has no index by event id`
          : 'refuses an event id reused in another stream';
      crossStream(crossStreamName, async () => {
        const id = streamId('reuse-a');
        const eventId = randomUUID();
        await store.append(id, [event(1, { eventId })], { expectedVersion: 'no_stream' });
        const other = streamId('reuse-b');
        await expectRejection(
          store.append(other, [event(1, { eventId })], { expectedVersion: 'any' }),
          EventIdReusedError,
        );
        expect(await store.readStream(other)).toEqual([]);
      });
    });

    describe('envelopes', () => {
      it('stores every envelope field and generates UUID v7 ids and the recorded time', async () => {
        const id = streamId('envelope');
        const occurredAt = new Date('2025-12-31T23:59:59.123Z');
        const given = randomUUID();
        await store.append(
          id,
          [
            event(1, {
              eventId: given,
              occurredAt,
              correlationId: 'corr-1',
              causationId: 'cause-1',
              actor: 'agent:a-7',
              schemaVersion: 2,
            }),
            event(2),
          ],
          { expectedVersion: 'no_stream' },
        );
        const [first, second] = await store.readStream(id);
        expect(first).toMatchObject({
          eventId: given,
          type: 'Tested',
          schemaVersion: 2,
          data: { n: 1 },
          streamId: id,
          streamVersion: 1,
          correlationId: 'corr-1',
          causationId: 'cause-1',
          actor: 'agent:a-7',
        });
        expect(first.occurredAt.toISOString()).toBe(occurredAt.toISOString());
        expect(first.recordedAt.toISOString()).toBe(clock.now().toISOString());
        expect(typeof first.globalPosition).toBe('bigint');
        expect(isUuid(second.eventId)).toBe(true);
        expect(second.eventId[14]).toBe('7');
        expect(second).toMatchObject({
          schemaVersion: 1,
          correlationId: null,
          causationId: null,
          actor: null,
        });
        expect(second.occurredAt.toISOString()).toBe(clock.now().toISOString());
        expect(second.globalPosition > first.globalPosition).toBe(true);
      });

      it('keeps any language, emoji and nested JSON exactly', async () => {
        const id = streamId('unicode');
        const data = {
          text: 'Хліб черствий 😡 — очередь на кассе',
          nested: { list: [1, 'два', null, true], empty: {} },
          n: 1.5,
        };
        await store.append(id, [{ type: 'Tested', data }], { expectedVersion: 'no_stream' });
        expect((await store.readStream(id))[0].data).toEqual(data);
      });
    });

    describe('bad input', () => {
      const invalid = (streamName: string, events: NewEvent[]) =>
        store.append(streamName, events, { expectedVersion: 'any' });

      it.each([
        ['an empty stream id', '', 'streamId'],
        ['an over-long stream id', 'x'.repeat(201), 'streamId'],
      ])('refuses %s', async (_label, badId, field) => {
        const error = await expectRejection(invalid(badId, [event(1)]), InvalidAppendError);
        expect(error.field).toBe(field);
      });

      it('refuses an empty batch', async () => {
        expect(
          (await expectRejection(invalid(streamId('empty'), []), InvalidAppendError)).field,
        ).toBe('events');
      });

      it('refuses an event over 1 MiB and writes nothing of its batch', async () => {
        const id = streamId('big');
        const error = await expectRejection(
          invalid(id, [event(1), { type: 'Tested', data: { text: 'x'.repeat(1024 * 1024) } }]),
          InvalidAppendError,
        );
        expect(error.field).toBe('events[1].data');
        expect(await store.readStream(id)).toEqual([]);
      });

      it.each([
        ['a bigint', { n: 1n }],
        ['NaN', { n: Number.NaN }],
        ['a Date', { at: new Date() }],
        ['a function', { f: () => 1 }],
      ])('refuses data that is not JSON: %s', async (_label, data) => {
        const error = await expectRejection(
          invalid(streamId('json'), [{ type: 'Tested', data }]),
          InvalidAppendError,
        );
        expect(error.field).toBe('events[0].data');
      });

      it('refuses data with a cycle', async () => {
        const data: Record<string, unknown> = {};
        data.self = data;
        await expectRejection(
          invalid(streamId('cycle'), [{ type: 'Tested', data }]),
          InvalidAppendError,
        );
      });
    });

    describe('reading', () => {
      it('reads a stream forwards and backwards from a version with a limit', async () => {
        const id = streamId('read');
        await store.append(
          id,
          range(10).map((n) => event(n)),
          { expectedVersion: 'no_stream' },
        );
        const versions = (events: RecordedEvent[]) => events.map((e) => e.streamVersion);
        expect(versions(await store.readStream(id, { fromVersion: 4, limit: 3 }))).toEqual([
          4, 5, 6,
        ]);
        expect(versions(await store.readStream(id, { direction: 'backwards', limit: 2 }))).toEqual([
          10, 9,
        ]);
        expect(
          versions(await store.readStream(id, { direction: 'backwards', fromVersion: 3 })),
        ).toEqual([3, 2, 1]);
        expect(versions(await store.readStream(id, { fromVersion: 11 }))).toEqual([]);
        expect(await store.readStream(streamId('never'))).toEqual([]);
      });

      it('answers reads of many streams made at once each with its own stream', async () => {
        const ids = range(6).map((n) => streamId(`many-${n}`));
        await Promise.all(
          ids.map((id, n) =>
            store.append(
              id,
              range(n + 1).map((k) => event(k)),
              { expectedVersion: 'no_stream' },
            ),
          ),
        );
        // The same stream twice, a missing one, and partial reads among whole ones.
        const reads = await Promise.all([
          ...ids.map((id) => store.readStream(id)),
          store.readStream(ids[3]),
          store.readStream(streamId('many-never')),
          store.readStream(ids[5], { fromVersion: 2 }),
          store.readStream(ids[5], { fromVersion: 1, limit: 2 }),
        ]);
        const shape = (events: RecordedEvent[]) =>
          events.map((e) => `${e.streamId}@${e.streamVersion}:${(e.data as Tested).n}`);
        ids.forEach((id, n) =>
          expect(shape(reads[n])).toEqual(range(n + 1).map((k) => `${id}@${k}:${k}`)),
        );
        expect(shape(reads[6])).toEqual(shape(reads[3]));
        expect(reads[6]).not.toBe(reads[3]);
        expect(reads[7]).toEqual([]);
        expect(reads[8].map((e) => e.streamVersion)).toEqual([2, 3, 4, 5, 6]);
        expect(reads[9].map((e) => e.streamVersion)).toEqual([1, 2]);
      });

      it('reads the global log after a position, in order, across streams', async () => {
        const start = await lastPosition(store);
        const a = streamId('log-a');
        const b = streamId('log-b');
        await store.append(a, [event(1)], { expectedVersion: 'no_stream' });
        await store.append(b, [event(2), event(3)], { expectedVersion: 'no_stream' });
        await store.append(a, [event(4)], { expectedVersion: 1 });
        const mine = (await readAllAfter(store, start, 2)).filter(
          (e) => e.streamId === a || e.streamId === b,
        );
        expect(mine.map((e) => (e.data as Tested).n)).toEqual([1, 2, 3, 4]);
        const page = await store.readAll({ after: mine[0].globalPosition, limit: 1 });
        expect(page).toHaveLength(1);
        expect(page[0].globalPosition > mine[0].globalPosition).toBe(true);
      });
    });

    describe('upcasting', () => {
      it('turns old schema versions into the current one on every read path, leaving stored events as they were', async () => {
        const registry = new UpcasterRegistry([
          {
            type: 'Renamed',
            fromVersion: 1,
            upcast: (d) => ({ fullName: (d as { name: string }).name }),
          },
          { type: 'Renamed', fromVersion: 2, upcast: (d) => ({ ...(d as object), locale: 'en' }) },
        ]);
        const upcasting = withUpcasting(store, registry);
        const id = streamId('upcast');
        const start = await lastPosition(store);
        await store.append(id, [{ type: 'Renamed', data: { name: 'Olena' } }], {
          expectedVersion: 'no_stream',
        });
        const expected = { schemaVersion: 3, data: { fullName: 'Olena', locale: 'en' } };
        expect((await upcasting.readStream(id))[0]).toMatchObject(expected);
        expect((await readAllAfter(upcasting, start)).find((e) => e.streamId === id)).toMatchObject(
          expected,
        );
        const seen: RecordedEvent[] = [];
        const sub = upcasting.subscribeToStream(id, { afterVersion: 0 }, async (batch) => {
          seen.push(...batch);
        });
        await waitFor(() => seen.length === 1, { what: 'upcast event on subscription' });
        await sub.stop();
        expect(seen[0]).toMatchObject(expected);
        expect((await store.readStream(id))[0]).toMatchObject({
          schemaVersion: 1,
          data: { name: 'Olena' },
        });
      });
    });

    describe('subscriptions', () => {
      it('catches up from a checkpoint, goes live, and resumes after a stop without gaps or repeats', async () => {
        const id = streamId('sub');
        const start = await lastPosition(store);
        await store.append(
          id,
          range(50).map((n) => event(n)),
          { expectedVersion: 'no_stream' },
        );
        const seen: number[] = [];
        const handler = async (batch: readonly RecordedEvent[]) => {
          for (const e of batch) if (e.streamId === id) seen.push((e.data as Tested).n);
        };
        const first = store.subscribeToAll({ after: start, batchSize: 7 }, handler);
        await waitFor(() => seen.length === 50 && first.isLive(), { what: 'catch-up' });
        await store.append(
          id,
          range(10, 51).map((n) => event(n)),
          { expectedVersion: 50 },
        );
        await waitFor(() => seen.length === 60, { what: 'live events' });
        await first.stop();
        const checkpoint = first.checkpoint();
        await store.append(
          id,
          range(15, 61).map((n) => event(n)),
          { expectedVersion: 60 },
        );
        const second = store.subscribeToAll({ after: checkpoint, batchSize: 4 }, handler);
        await waitFor(() => seen.length >= 75, { what: 'resumed subscription' });
        await second.stop();
        expect(seen).toEqual(range(75));
      });

      it('reads the next batch only after the handler finished the previous one', async () => {
        const id = streamId('backpressure');
        const start = await lastPosition(store);
        await store.append(
          id,
          range(40).map((n) => event(n)),
          { expectedVersion: 'no_stream' },
        );
        let running = 0;
        let maxRunning = 0;
        let handled = 0;
        const sub = store.subscribeToAll({ after: start, batchSize: 5 }, async (batch) => {
          running++;
          maxRunning = Math.max(maxRunning, running);
          await new Promise((resolve) => setImmediate(resolve));
          handled += batch.filter((e) => e.streamId === id).length;
          running--;
        });
        await waitFor(() => handled === 40, { what: 'all batches' });
        await sub.stop();
        expect(maxRunning).toBe(1);
      });

      it('stops and rejects done when the handler throws, keeping the checkpoint before the failed batch', async () => {
        const id = streamId('failing');
        await store.append(
          id,
          range(3).map((n) => event(n)),
          { expectedVersion: 'no_stream' },
        );
        const sub = store.subscribeToStream(
          id,
          { afterVersion: 0, batchSize: 1 },
          async (batch) => {
            if ((batch[0].data as Tested).n === 2) throw new Error('handler failed');
          },
        );
        await expect(sub.done).rejects.toThrow('handler failed');
        expect(sub.checkpoint()).toBe(1n);
      });

      it('subscribes to one stream from a version', async () => {
        const id = streamId('stream-sub');
        await store.append(streamId('noise'), [event(0)], { expectedVersion: 'no_stream' });
        await store.append(
          id,
          range(5).map((n) => event(n)),
          { expectedVersion: 'no_stream' },
        );
        const seen: number[] = [];
        const sub = store.subscribeToStream(id, { afterVersion: 2 }, async (batch) => {
          seen.push(...batch.map((e) => e.streamVersion));
        });
        await waitFor(() => seen.length === 3, { what: 'stream catch-up' });
        await store.append(id, [event(6)], { expectedVersion: 5 });
        await waitFor(() => seen.length === 4, { what: 'stream live event' });
        await sub.stop();
        expect(seen).toEqual([3, 4, 5, 6]);
        expect(sub.checkpoint()).toBe(6n);
      });
    });

    describe('scale', () => {
      it('keeps many streams written concurrently apart and in order', async () => {
        const start = await lastPosition(store);
        const ids = range(200).map((n) => streamId(`many-${n}`));
        await Promise.all(
          ids.map(async (id) => {
            for (let v = 0; v < 5; v++)
              await store.append(id, [event(v + 1)], {
                expectedVersion: v === 0 ? 'no_stream' : v,
              });
          }),
        );
        const mine = new Set(ids);
        const log = (await readAllAfter(store, start, 333)).filter((e) => mine.has(e.streamId));
        expect(log).toHaveLength(1000);
        for (let i = 1; i < log.length; i++)
          expect(log[i].globalPosition > log[i - 1].globalPosition).toBe(true);
        const perStream = new Map<string, number[]>();
        for (const e of log)
          perStream.set(e.streamId, [...(perStream.get(e.streamId) ?? []), e.streamVersion]);
        for (const versions of perStream.values()) expect(versions).toEqual([1, 2, 3, 4, 5]);
      });

      it('handles a large stream', async () => {
        const total = options.largeStreamEvents ?? 100_000;
        const id = streamId('large');
        for (let from = 1; from <= total; from += 1000) {
          const count = Math.min(1000, total - from + 1);
          await store.append(
            id,
            range(count, from).map((n) => event(n)),
            { expectedVersion: from === 1 ? 'no_stream' : from - 1 },
          );
        }
        const tail = await store.readStream(id, { direction: 'backwards', limit: 3 });
        expect(tail.map((e) => e.streamVersion)).toEqual([total, total - 1, total - 2]);
        const middle = await store.readStream(id, { fromVersion: total / 2, limit: 2 });
        expect(middle.map((e) => (e.data as Tested).n)).toEqual([total / 2, total / 2 + 1]);
        let count = 0;
        let after = 0;
        for (;;) {
          const page = await store.readStream(id, { fromVersion: after + 1, limit: 5000 });
          if (page.length === 0) break;
          count += page.length;
          after = page[page.length - 1].streamVersion;
        }
        expect(count).toBe(total);
      }, 180_000);
    });
  });
}
