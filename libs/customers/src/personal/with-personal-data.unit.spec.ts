import { RecordedEvent } from '@heard/event-store';
import { forwardingTo, InMemoryEventStore, waitFor } from '@heard/event-store/testing';
import { MasterKey } from '../keys/master-key';
import { MemoryTable } from '../testing/memory-data-key-table';
import { personalDataStore } from '../testing/personal-data-store';
import { DataKeyPersonalData } from './data-key-personal-data';
import { PersonalDataPort } from './personal-data.port';
import { PersonalFields } from './personal-fields';
import { withPersonalData } from './with-personal-data';
import { isSealedBlock, REDACTED } from './sealed-block';

type Said = { owner: string; words: string | { sealed: string; key: string } };

/** A made-up event type: the decorator knows no context's events. */
const said: PersonalFields = {
  type: 'Said',
  sealedVersion: 2,
  upcasters: [{ type: 'Said', fromVersion: 1, upcast: (d) => d }],
  personalOf: (data) => {
    const d = data as Said;
    return { owner: d.owner, value: d.words as string, store: (block) => ({ ...d, words: block }) };
  },
  blockOf: (data) => {
    const { words } = data as Said;
    return isSealedBlock(words) ? words : null;
  },
  opened: (data, open) => {
    const d = data as Said;
    return isSealedBlock(d.words) ? { ...d, words: open(d.words) ?? REDACTED } : d;
  },
};

describe('withPersonalData', () => {
  it('stores the words sealed at the new version and reads them back on every read path', async () => {
    const { raw, store } = personalDataStore([said]);
    await store.append('s-1', [{ type: 'Said', data: { owner: 'customer:A', words: 'hello A' } }], {
      expectedVersion: 'no_stream',
    });
    const [stored] = await raw.readStream('s-1');
    expect(stored.schemaVersion).toBe(2);
    expect(JSON.stringify(stored.data)).not.toContain('hello');
    const opened = { owner: 'customer:A', words: 'hello A' };
    expect((await store.readStream('s-1'))[0]).toMatchObject({ schemaVersion: 2, data: opened });
    expect((await store.readAll())[0].data).toEqual(opened);
    const seen: RecordedEvent[] = [];
    const sub = store.subscribeToAll({ after: 0n }, async (batch) => void seen.push(...batch));
    await waitFor(() => seen.length === 1, { what: 'the event on a subscription' });
    await sub.stop();
    expect(seen[0].data).toEqual(opened);
  });

  it('reads plain old versions as they are, and a forgotten owner redacted, never failing', async () => {
    const { raw, store, personal, keys } = personalDataStore([said]);
    await raw.append('s-old', [{ type: 'Said', data: { owner: 'customer:A', words: 'plain' } }], {
      expectedVersion: 'no_stream',
    });
    for (const owner of ['customer:A', 'customer:B'])
      await store.append('s-new', [{ type: 'Said', data: { owner, words: `by ${owner}` } }], {
        expectedVersion: 'any',
      });
    await personal.forget('customer:A');
    keys.queries = 0;
    const words = (await store.readAll()).map((e) => (e.data as Said).words);
    expect(words).toEqual(['plain', REDACTED, 'by customer:B']);
    expect(keys.queries).toBe(1);
  });
});

type Told = { owner: string; personal: { words: string } | { sealed: string; key: string } };

/** A made-up type whose words sit in an object that opening replaces, and nothing else. */
const told: PersonalFields = {
  type: 'Told',
  sealedVersion: 2,
  upcasters: [{ type: 'Told', fromVersion: 1, upcast: (d) => d }],
  openedOnRead: ['personal'],
  personalOf: (data) => {
    const d = data as Told;
    return { owner: d.owner, value: d.personal, store: (block) => ({ ...d, personal: block }) };
  },
  blockOf: (data) => {
    const { personal } = data as Told;
    return isSealedBlock(personal) ? personal : null;
  },
  opened: (data, open) => {
    const d = data as Told;
    if (!isSealedBlock(d.personal)) return d;
    return { ...d, personal: open(d.personal) ?? { words: REDACTED, redacted: true } };
  },
};

const wordsOf = (event: RecordedEvent) =>
  ((event.data as Told).personal as { words: string }).words;

/** A sealing store over real data keys, counting the blocks it decrypts. */
function countingStore() {
  const raw = new InMemoryEventStore();
  const keys = new MemoryTable();
  const personal = new DataKeyPersonalData(keys, MasterKey.generate());
  const decrypted: string[] = [];
  const counting: PersonalDataPort = {
    seal: (owner, value) => personal.seal(owner, value),
    sealAtOnce: (owner, value) => personal.sealAtOnce(owner, value),
    forget: (owner) => personal.forget(owner),
    checkKeys: () => personal.checkKeys(),
    opener: async (blocks, options) => {
      const open = await personal.opener(blocks, options);
      return (block) => {
        decrypted.push(block.key);
        return open(block);
      };
    },
  };
  return { raw, store: withPersonalData(raw, counting, [told]), personal, decrypted };
}

async function appendTold(store: ReturnType<typeof countingStore>['store'], owners: string[]) {
  for (const owner of owners)
    await store.append(
      `s-${owner}`,
      [{ type: 'Told', data: { owner, personal: { words: `by ${owner}` } } }],
      { expectedVersion: 'no_stream' },
    );
}

describe('withPersonalData, opened on read', () => {
  it('decrypts nothing for a reader of the other fields, on a subscription as on a read', async () => {
    const { raw, store, decrypted } = countingStore();
    await appendTold(store, ['customer:A', 'customer:B']);
    expect(JSON.stringify((await raw.readAll()).map((e) => e.data))).not.toContain('by customer');
    const owners: string[] = [];
    const sub = store.subscribeToAll({ after: 0n }, async (batch) => {
      for (const event of batch) owners.push((event.data as Told).owner);
    });
    await waitFor(() => owners.length === 2, { what: 'both events on a subscription' });
    await sub.stop();
    const read = await store.readAll();
    expect(read.map((e) => (e.data as Told).owner)).toEqual(['customer:A', 'customer:B']);
    expect(read.every((e) => typeof (e.data as Told).personal === 'object')).toBe(true);
    expect(owners).toEqual(['customer:A', 'customer:B']);
    expect(decrypted).toEqual([]);
  });

  it('decrypts a block once, when first looked into, and shows it to every way of reading', async () => {
    const { store, decrypted } = countingStore();
    await appendTold(store, ['customer:A', 'customer:B', 'customer:C']);
    const [a, b, c] = await store.readAll();
    expect([wordsOf(a), wordsOf(a)]).toEqual(['by customer:A', 'by customer:A']);
    expect(decrypted).toHaveLength(1);
    expect({ ...(b.data as Told) }.personal).toEqual({ words: 'by customer:B' });
    expect(JSON.parse(JSON.stringify(c.data))).toEqual({
      owner: 'customer:C',
      personal: { words: 'by customer:C' },
    });
    expect(Object.keys((b.data as Told).personal)).toEqual(['words']);
    expect('words' in (c.data as Told).personal).toBe(true);
    expect(decrypted).toHaveLength(3);
  });

  it('reads a forgotten owner redacted, forgotten before the read or after it and before the words', async () => {
    const { store, personal, decrypted } = countingStore();
    await appendTold(store, ['customer:A', 'customer:B', 'customer:C']);
    await personal.forget('customer:A');
    const batch = await store.readAll();
    expect(decrypted).toEqual([]);
    // Erased here while the batch is held and its words not yet read: they no longer open.
    await personal.forget('customer:B');
    expect(batch.map(wordsOf)).toEqual([REDACTED, REDACTED, 'by customer:C']);
    expect((batch[1].data as Told).personal).toEqual({ words: REDACTED, redacted: true });
    expect((await store.readAll()).map(wordsOf)).toEqual([REDACTED, REDACTED, 'by customer:C']);
  });
});

describe('withPersonalData, appending', () => {
  it.each([
    ['turn', ['seal A', 'seal B', 'append s-A', 'append s-B']],
    ['task', ['seal A', 'append s-A', 'seal B', 'append s-B']],
  ] as const)(
    'seals the appends gathered per %s together, then hands each on in order',
    async (gathering, expected) => {
      const raw = new InMemoryEventStore();
      const personal = new DataKeyPersonalData(new MemoryTable(), MasterKey.generate());
      const steps: string[] = [];
      const sealAtOnce = personal.sealAtOnce.bind(personal);
      jest.spyOn(personal, 'sealAtOnce').mockImplementation((owner, value) => {
        steps.push(`seal ${owner}`);
        return sealAtOnce(owner, value);
      });
      const logged = forwardingTo(raw, {
        append: (streamId, events, options) => {
          steps.push(`append ${streamId}`);
          return raw.append(streamId, events, options);
        },
      });
      const store = withPersonalData(logged, personal, [said], gathering);
      const say = (owner: string) =>
        store.append(`s-${owner}`, [{ type: 'Said', data: { owner, words: `by ${owner}` } }], {
          expectedVersion: 'any',
        });
      // Each owner's key is made first: a key to make is waited for, not sealed at once.
      await Promise.all([say('A'), say('B')]);
      steps.length = 0;
      // Two immediates are two tasks of one turn, as two requests handled in one turn are.
      await new Promise<void>((resolve, reject) => {
        setImmediate(() => void say('A').catch(reject));
        setImmediate(() => void say('B').then(() => resolve(), reject));
      });
      expect(steps).toEqual(expected);
      expect((await store.readStream('s-B')).map((e) => (e.data as Said).words)).toEqual([
        'by B',
        'by B',
      ]);
    },
  );

  it('fails only the append whose store throws, not the others sealed with it', async () => {
    const raw = new InMemoryEventStore();
    const throwing = forwardingTo(raw, {
      append: (streamId, events, options) => {
        if (streamId === 's-bad') throw new Error('refused at once');
        return raw.append(streamId, events, options);
      },
    });
    const personal = new DataKeyPersonalData(new MemoryTable(), MasterKey.generate());
    const store = withPersonalData(throwing, personal, [said]);
    const plain = (streamId: string) =>
      store.append(streamId, [{ type: 'Other', data: {} }], { expectedVersion: 'any' });
    const [bad, good] = await Promise.allSettled([plain('s-bad'), plain('s-good')]);
    expect(bad).toMatchObject({ status: 'rejected', reason: { message: 'refused at once' } });
    expect(good).toMatchObject({ status: 'fulfilled' });
    expect((await raw.readAll()).map((e) => e.streamId)).toEqual(['s-good']);
  });
});
