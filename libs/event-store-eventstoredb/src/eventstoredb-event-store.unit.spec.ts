import { randomUUID } from 'node:crypto';
import {
  ConcurrencyError,
  EventIdReusedError,
  InvalidAppendError,
  NewEvent,
  RecordedEvent,
} from '@heard/event-store';
import { FixedClock, waitFor } from '@heard/event-store/testing';
import { FakeEventStoreDbClient } from './eventstoredb-client.fake';
import { EventStoreDbEventStore } from './eventstoredb-event-store';

// The adapter's own logic against a stand-in for the server; the int spec runs the shared
// conformance suite against a real EventStoreDB when EVENTSTORE_URL is set.
describe('EventStoreDB adapter over a fake client', () => {
  let fake: FakeEventStoreDbClient;
  let store: EventStoreDbEventStore;
  const clock = new FixedClock();
  const event = (n: number, extra: Partial<NewEvent> = {}): NewEvent => ({
    type: 'Tested',
    data: { n },
    ...extra,
  });
  const ns = (events: RecordedEvent[]) => events.map((e) => (e.data as { n: number }).n);

  beforeEach(() => {
    fake = new FakeEventStoreDbClient();
    store = new EventStoreDbEventStore(fake, { clock, pollIntervalMs: 20 });
  });
  afterEach(() => store.close());

  describe('append', () => {
    it('numbers from 1 and answers with the $all position readAll reports for the last event', async () => {
      const result = await store.append('case-1', [event(1), event(2), event(3)], {
        expectedVersion: 'no_stream',
      });
      const events = await store.readStream('case-1');
      expect(events.map((e) => e.streamVersion)).toEqual([1, 2, 3]);
      expect(result).toEqual({ nextExpectedVersion: 3, lastPosition: events[2].globalPosition });
      expect((await store.readAll()).map((e) => e.globalPosition)).toEqual(
        events.map((e) => e.globalPosition),
      );
    });

    it('turns conflicts into ConcurrencyError with the actual version, writing nothing', async () => {
      await store.append('case-1', [event(1), event(2)], { expectedVersion: 'no_stream' });
      const conflicts: [string, Parameters<EventStoreDbEventStore['append']>[2], unknown][] = [
        ['case-1', { expectedVersion: 'no_stream' }, 2],
        ['case-1', { expectedVersion: 1 }, 2],
        ['case-1', { expectedVersion: 5 }, 2],
        ['case-2', { expectedVersion: 'stream_exists' }, 'no_stream'],
        ['case-2', { expectedVersion: 1 }, 'no_stream'],
      ];
      for (const [streamId, options, actual] of conflicts) {
        const error = await store.append(streamId, [event(9)], options).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ConcurrencyError);
        expect(error).toMatchObject({ streamId, expected: options.expectedVersion, actual });
      }
      expect(ns(await store.readAll())).toEqual([1, 2]);
    });

    it('refuses version 0 without asking the server, which has no revision for it', async () => {
      await store.append('case-1', [event(1)], { expectedVersion: 'no_stream' });
      const appends = fake.appends;
      for (const [streamId, actual] of [
        ['case-1', 1],
        ['case-2', 'no_stream'],
      ] as const) {
        const error = await store
          .append(streamId, [event(2)], { expectedVersion: 0 })
          .catch((e: unknown) => e);
        expect(error).toMatchObject({ expected: 0, actual });
      }
      expect(fake.appends).toBe(appends);
    });

    it('turns the server refusing a too large append into InvalidAppendError', async () => {
      fake.maxAppendSize = 100;
      const error = await store
        .append('case-1', [event(1, { actor: 'x'.repeat(200) })], { expectedVersion: 'any' })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidAppendError);
      expect(await store.readStream('case-1')).toEqual([]);
    });
  });

  describe('event ids', () => {
    it('answers a re-sent batch with the first result, without asking the server to write', async () => {
      const batch = [event(1, { eventId: randomUUID() }), event(2, { eventId: randomUUID() })];
      const first = await store.append('case-1', batch, { expectedVersion: 'no_stream' });
      await store.append('case-1', [event(3)], { expectedVersion: 2 });
      const appends = fake.appends;
      expect(await store.append('case-1', batch, { expectedVersion: 'no_stream' })).toEqual(first);
      expect(fake.appends).toBe(appends);
      expect(ns(await store.readStream('case-1'))).toEqual([1, 2, 3]);
    });

    it('recognises a retry whose ids are in upper case (the server returns lower case)', async () => {
      const batch = [event(1, { eventId: randomUUID().toUpperCase() })];
      const first = await store.append('case-1', batch, { expectedVersion: 'no_stream' });
      expect(await store.append('case-1', batch, { expectedVersion: 'no_stream' })).toEqual(first);
    });

    it('refuses an id reused with other data in the same stream, though the server would accept it', async () => {
      const eventId = randomUUID();
      await store.append('case-1', [event(1, { eventId })], { expectedVersion: 'no_stream' });
      await expect(
        store.append('case-1', [event(2, { eventId })], { expectedVersion: 'any' }),
      ).rejects.toBeInstanceOf(EventIdReusedError);
      expect(ns(await store.readStream('case-1'))).toEqual([1]);
    });

    it('finds a reused id deep in a long stream', async () => {
      const eventId = randomUUID();
      await store.append('case-1', [event(0, { eventId })], { expectedVersion: 'no_stream' });
      await store.append(
        'case-1',
        Array.from({ length: 1200 }, (_, i) => event(i + 1)),
        { expectedVersion: 1 },
      );
      await expect(
        store.append('case-1', [event(2, { eventId })], { expectedVersion: 1201 }),
      ).rejects.toBeInstanceOf(EventIdReusedError);
    });

    it('lets the stored events decide when the server silently kept a racing write of the same ids', async () => {
      const original = fake.appendToStream.bind(fake);
      const race = (data: unknown) =>
        jest.spyOn(fake, 'appendToStream').mockImplementationOnce(async (stream, events, o) => {
          await original(
            stream,
            events.map((e) => ({ ...e, data }) as typeof e),
            o,
          );
          return original(stream, events, o);
        });
      race({ n: 99 });
      await expect(
        store.append('case-1', [event(1, { eventId: randomUUID() })], { expectedVersion: 'any' }),
      ).rejects.toBeInstanceOf(EventIdReusedError);
      race({ n: 1 });
      const result = await store.append('case-2', [event(1, { eventId: randomUUID() })], {
        expectedVersion: 'any',
      });
      expect(result.nextExpectedVersion).toBe(1);
      expect(await store.readStream('case-2')).toHaveLength(1);
    });

    it('does NOT detect an id reused in another stream: the server has no index by event id', async () => {
      const eventId = randomUUID();
      await store.append('case-1', [event(1, { eventId })], { expectedVersion: 'no_stream' });
      await store.append('case-2', [event(1, { eventId })], { expectedVersion: 'any' });
      expect((await store.readAll()).filter((e) => e.eventId === eventId)).toHaveLength(2);
    });
  });

  describe('reading', () => {
    it('reads a stream forwards and backwards from a version, with limits, and a missing one as empty', async () => {
      await store.append(
        'case-1',
        Array.from({ length: 10 }, (_, i) => event(i + 1)),
        { expectedVersion: 'no_stream' },
      );
      const versions = async (options: Parameters<EventStoreDbEventStore['readStream']>[1]) =>
        (await store.readStream('case-1', options)).map((e) => e.streamVersion);
      expect(await versions({ fromVersion: 4, limit: 3 })).toEqual([4, 5, 6]);
      expect(await versions({ direction: 'backwards', limit: 2 })).toEqual([10, 9]);
      expect(await versions({ direction: 'backwards', fromVersion: 3 })).toEqual([3, 2, 1]);
      expect(await versions({ direction: 'backwards', fromVersion: 0 })).toEqual([]);
      expect(await versions({ fromVersion: 11 })).toEqual([]);
      expect(await versions({ limit: 0 })).toEqual([]);
      expect(await store.readStream('never')).toEqual([]);
    });

    it('reads $all strictly after a position, without system events, filling pages past them', async () => {
      await store.append('case-1', [event(1)], { expectedVersion: 'no_stream' });
      for (let i = 0; i < 300; i++) fake.store('$stats-127.0.0.1:2113', randomUUID(), 'Stats', {});
      await store.append('case-2', [event(2), event(3)], { expectedVersion: 'no_stream' });
      const all = await store.readAll();
      expect(ns(all)).toEqual([1, 2, 3]);
      expect(ns(await store.readAll({ after: all[0].globalPosition, limit: 1 }))).toEqual([2]);
      expect(ns(await store.readAll({ after: all[2].globalPosition }))).toEqual([]);
      const paged: RecordedEvent[] = [];
      for (let after = 0n; ;) {
        const page = await store.readAll({ after, limit: 1 });
        if (page.length === 0) break;
        paged.push(...page);
        after = page[0].globalPosition;
      }
      expect(paged).toEqual(all);
    });

    it('delivers events other writers stored without our metadata, with defaults', async () => {
      fake.store('legacy-1', randomUUID(), 'Imported', { n: 7 });
      expect(await store.readAll()).toMatchObject([
        { streamId: 'legacy-1', streamVersion: 1, schemaVersion: 1, actor: null, data: { n: 7 } },
      ]);
    });
  });

  describe('subscriptions', () => {
    it('catches up, wakes at once on a local append, and sees other writers within the poll interval', async () => {
      await store.append('case-1', [event(1)], { expectedVersion: 'no_stream' });
      const seen: number[] = [];
      const sub = store.subscribeToAll({ after: 0n, batchSize: 2 }, async (batch) => {
        seen.push(...ns([...batch]));
      });
      await waitFor(() => seen.length === 1 && sub.isLive(), { what: 'catch-up' });
      await store.append('case-1', [event(2)], { expectedVersion: 1 });
      await waitFor(() => seen.length === 2, { what: 'local append' });
      const other = new EventStoreDbEventStore(fake, { clock });
      await other.append('case-1', [event(3)], { expectedVersion: 2 });
      await waitFor(() => seen.length === 3, { what: 'append by another process' });
      await sub.stop();
      expect(seen).toEqual([1, 2, 3]);
      expect(sub.checkpoint()).toBe((await store.readAll())[2].globalPosition);
    });

    it('subscribes to one stream after a version', async () => {
      await store.append(
        'case-1',
        [1, 2, 3].map((n) => event(n)),
        { expectedVersion: 'no_stream' },
      );
      const seen: number[] = [];
      const sub = store.subscribeToStream('case-1', { afterVersion: 1 }, async (batch) => {
        seen.push(...batch.map((e) => e.streamVersion));
      });
      await waitFor(() => seen.length === 2, { what: 'stream catch-up' });
      await sub.stop();
      expect(seen).toEqual([2, 3]);
      expect(sub.checkpoint()).toBe(3n);
    });

    it('stops running subscriptions on close and disposes only a client it owns', async () => {
      const dispose = jest.spyOn(fake, 'dispose');
      const sub = store.subscribeToAll({ after: 0n }, async () => undefined);
      await waitFor(() => sub.isLive(), { what: 'live' });
      await store.close();
      await expect(sub.done).resolves.toBeUndefined();
      expect(dispose).not.toHaveBeenCalled();
      await new EventStoreDbEventStore(fake, {}, true).close();
      expect(dispose).toHaveBeenCalledTimes(1);
    });
  });
});
