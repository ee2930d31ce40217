import { RecordedEvent } from '@heard/event-store';
import { waitFor } from '@heard/event-store/testing';
import { personalDataStore } from '../testing/personal-data-store';
import { PersonalFields } from './personal-fields';
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
