import { ReadStreamOptions, RecordedEvent } from '@heard/event-store';
import { InMemoryEventStore } from '@heard/event-store/testing';
import { storeStreamId } from '../domain/store/store.state';
import { StoreFields } from '../domain/store/store.events';
import { AT, LATER, putPersonCommand, putStoreCommand } from '../testing/directory-commands';
import { seedDirectory } from '../testing/seed-directory';
import { EntryCache } from './directory-entry';
import { putPerson } from './put-person/put-person.handler';
import { putStore } from './put-store/put-store.handler';
import { getStore } from './queries/get-store.query';

/** Remembers what each read asked for, and can hold back the answer of the next one. */
class ReadLog extends InMemoryEventStore {
  readonly reads: { readonly streamId: string; readonly options?: ReadStreamOptions }[] = [];
  private held: Promise<void> | null = null;

  /** The next read answers as the store is now, but only once `release` is called. */
  holdNext(): () => void {
    let release = () => {};
    this.held = new Promise((resolve) => (release = resolve));
    return release;
  }

  override async readStream(
    streamId: string,
    options?: ReadStreamOptions,
  ): Promise<RecordedEvent[]> {
    this.reads.push({ streamId, options });
    const answer = await super.readStream(streamId, options);
    const held = this.held;
    this.held = null;
    await held;
    return answer;
  }
}

describe('getStore with an entry cache', () => {
  let eventStore: ReadLog;
  let cache: EntryCache<StoreFields>;
  const cached = (storeId = 'S-042') => getStore(eventStore, storeId, { cache });

  beforeEach(async () => {
    eventStore = new ReadLog();
    await seedDirectory(eventStore);
    await putPerson(eventStore, putPersonCommand({ personId: 'M-7' }));
    await putStore(eventStore, putStoreCommand());
    cache = new EntryCache(2);
    eventStore.reads.length = 0;
  });

  it('answers what an uncached query answers, reading only what was appended since', async () => {
    expect(await cached()).toEqual(await getStore(eventStore, 'S-042'));
    eventStore.reads.length = 0;
    expect(await cached()).toMatchObject({ current: { managerId: 'M-42' }, version: 1 });
    expect(eventStore.reads).toEqual([
      { streamId: storeStreamId('S-042'), options: { fromVersion: 2 } },
    ]);
  });

  it('answers a change made after the entry was cached at once', async () => {
    await cached();
    await putStore(eventStore, putStoreCommand({ managerId: 'M-7', at: LATER, by: 'admin-2' }));
    expect(await cached()).toEqual({
      current: expect.objectContaining({ managerId: 'M-7' }),
      version: 2,
      definedAt: AT,
      changedAt: LATER,
      changedBy: 'admin-2',
    });
    expect(await cached()).toEqual(await getStore(eventStore, 'S-042'));
  });

  it('answers a store defined after it was first asked for', async () => {
    expect(await cached('S-007')).toBeNull();
    await putStore(eventStore, putStoreCommand({ storeId: 'S-007', managerId: null }));
    expect(await cached('S-007')).toMatchObject({ current: { storeId: 'S-007' }, version: 1 });
  });

  it('keeps at most its capacity, dropping the least recently used, and reads a dropped one whole', async () => {
    for (const storeId of ['S-1', 'S-2']) await putStore(eventStore, putStoreCommand({ storeId }));
    await cached('S-1');
    await cached('S-2');
    await cached('S-1');
    await cached('S-042');
    expect(cache.size).toBe(2);
    eventStore.reads.length = 0;
    expect(await cached('S-2')).toMatchObject({ current: { storeId: 'S-2' } });
    expect(await cached('S-1')).toMatchObject({ current: { storeId: 'S-1' } });
    expect(eventStore.reads.map((r) => r.options)).toEqual([
      { fromVersion: 1 },
      { fromVersion: 1 },
    ]);
  });

  it('keeps the newer answer when overlapping queries finish out of order', async () => {
    const release = eventStore.holdNext();
    const older = cached();
    await putStore(eventStore, putStoreCommand({ managerId: 'M-7', at: LATER }));
    expect(await cached()).toMatchObject({ version: 2 });
    release();
    expect(await older).toMatchObject({ current: { managerId: 'M-42' }, version: 1 });
    eventStore.reads.length = 0;
    expect(await cached()).toMatchObject({ current: { managerId: 'M-7' }, version: 2 });
    expect(eventStore.reads.map((r) => r.options)).toEqual([{ fromVersion: 3 }]);
  });

  it('answers an earlier day from the whole stream, leaving the cache alone', async () => {
    await putStore(eventStore, putStoreCommand({ managerId: 'M-7', at: LATER }));
    const asOf = new Date('2026-03-05T00:00:00Z');
    expect(await getStore(eventStore, 'S-042', { asOf, cache })).toMatchObject({
      current: { managerId: 'M-42' },
      version: 1,
    });
    expect(cache.size).toBe(0);
  });

  it('serves one event store only', async () => {
    await cached();
    await expect(getStore(new InMemoryEventStore(), 'S-042', { cache })).rejects.toThrow(
      'serves one event store',
    );
  });

  it('refuses a capacity that keeps nothing', () => {
    expect(() => new EntryCache(0)).toThrow(RangeError);
  });

  describe('watched (every append reported to changed)', () => {
    beforeEach(() => cache.watch());

    it('answers from memory until the stream changes, then reads what is new', async () => {
      await cached();
      await cached();
      expect(eventStore.reads).toHaveLength(1);
      await putStore(eventStore, putStoreCommand({ name: 'Renamed', at: LATER }));
      cache.changed(storeStreamId('S-042'));
      eventStore.reads.length = 0;
      expect((await cached())?.current.name).toBe('Renamed');
      expect(eventStore.reads).toEqual([
        { streamId: storeStreamId('S-042'), options: { fromVersion: 2 } },
      ]);
      await cached();
      expect(eventStore.reads).toHaveLength(1);
    });

    it('reads again when the stream changed while a read was out', async () => {
      const release = eventStore.holdNext();
      const first = cached();
      await putStore(eventStore, putStoreCommand({ name: 'Renamed', at: LATER }));
      cache.changed(storeStreamId('S-042'));
      release();
      await first;
      eventStore.reads.length = 0;
      expect((await cached())?.current.name).toBe('Renamed');
      expect(eventStore.reads).toHaveLength(1);
    });

    it('reads an entry again after it was dropped for room', async () => {
      await cached('S-042');
      await putStore(eventStore, putStoreCommand({ storeId: 'S-1' }));
      await putStore(eventStore, putStoreCommand({ storeId: 'S-2' }));
      await cached('S-1');
      await cached('S-2');
      eventStore.reads.length = 0;
      await cached('S-042');
      expect(eventStore.reads).toHaveLength(1);
    });
  });
});
