import { EventStore } from '@heard/event-store';
import { InMemoryEventStore } from '@heard/event-store/testing';
import {
  givePreferences,
  linkFeedback,
  proposeImprovement,
  shipImprovement,
} from '../../testing/outer-loop-fixtures';
import { youChangedThisReactor } from './you-changed-this.reactor';

const CUSTOMERS = 50;

/** Fails one append of a NoticeScheduled once, as a crash part-way through the fan-out would. */
function failingOnce(store: InMemoryEventStore, failAt: number): EventStore {
  let notices = 0;
  return {
    ...store,
    readStream: store.readStream.bind(store),
    readAll: store.readAll.bind(store),
    subscribeToAll: store.subscribeToAll.bind(store),
    subscribeToStream: store.subscribeToStream.bind(store),
    close: store.close.bind(store),
    append: async (streamId, events, options) => {
      if (events[0]?.type === 'NoticeScheduled' && ++notices === failAt)
        throw new Error('the process died here');
      return store.append(streamId, events, options);
    },
  };
}

const scheduledOf = async (store: InMemoryEventStore) =>
  (await store.readAll({ after: 0n, limit: 10_000 })).filter((e) => e.type === 'NoticeScheduled');

describe('you-changed-this reactor', () => {
  it('resumes a fan-out that failed part-way: everyone told once, nobody twice', async () => {
    const store = new InMemoryEventStore();
    for (let i = 0; i < CUSTOMERS; i++) await givePreferences(store, `c-${i}`, { consent: true });
    await proposeImprovement(store, 'imp-1');
    await linkFeedback(
      store,
      'imp-1',
      Array.from({ length: CUSTOMERS }, (_, i) => ({ feedbackId: `f-${i}`, customerId: `c-${i}` })),
    );
    await shipImprovement(store, 'imp-1');
    const shipped = (await store.readStream('improvement-imp-1')).at(-1)!;
    const reactor = youChangedThisReactor({ store: failingOnce(store, 20), concurrency: 4 });
    await expect(reactor.handle(shipped)).rejects.toThrow('the process died here');
    const partly = (await scheduledOf(store)).length;
    expect(partly).toBeGreaterThan(0);
    expect(partly).toBeLessThan(CUSTOMERS);
    // The runner delivers the event again: the rest are scheduled, the first ones not again.
    await reactor.handle(shipped);
    const notices = await scheduledOf(store);
    expect(notices).toHaveLength(CUSTOMERS);
    expect(new Set(notices.map((n) => n.streamId)).size).toBe(CUSTOMERS);
  });
});
