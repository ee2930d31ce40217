import { handleCommand } from './command-handler';
import { Decider, DomainEvent } from './decider';
import { InMemoryEventStore } from './testing/in-memory-event-store';

type Counted = DomainEvent<'Counted', { n: number }>;
const counter: Decider<{ add: number }, Counted, number> = {
  initialState: () => 0,
  evolve: (total, event) => total + event.data.n,
  decide: (command, total) => (total >= 10 ? [] : [{ type: 'Counted', data: { n: command.add } }]),
};

class CountingStore extends InMemoryEventStore {
  reads = 0;
  override readStream(...args: Parameters<InMemoryEventStore['readStream']>) {
    this.reads++;
    return super.readStream(...args);
  }
}

describe('handleCommand', () => {
  it('folds the stream, decides and appends at the version it read', async () => {
    const store = new CountingStore();
    await handleCommand(store, 'count-1', counter, { add: 4 });
    const result = await handleCommand(store, 'count-1', counter, { add: 7 });
    expect(result).toMatchObject({ state: 11, version: 2 });
    expect(await handleCommand(store, 'count-1', counter, { add: 1 })).toMatchObject({
      events: [],
      version: 2,
    });
  });

  it('skips the read for a stream expected to be new, and falls back to it when the stream exists', async () => {
    const store = new CountingStore();
    await handleCommand(store, 'count-2', counter, { add: 3 }, { expectNew: true });
    expect(store.reads).toBe(0);
    const again = await handleCommand(store, 'count-2', counter, { add: 8 }, { expectNew: true });
    expect(store.reads).toBe(1);
    expect(again).toMatchObject({ state: 11, version: 2 });
    expect((await store.readStream('count-2')).map((e) => e.data)).toEqual([{ n: 3 }, { n: 8 }]);
  });

  it('passes an error other than a conflict to the caller without deciding again', async () => {
    const lost = new Error('connection terminated');
    class FailingStore extends CountingStore {
      appends = 0;
      override async append(): Promise<never> {
        this.appends++;
        throw lost;
      }
    }
    const store = new FailingStore();
    await expect(handleCommand(store, 'count-3', counter, { add: 2 })).rejects.toBe(lost);
    expect({ reads: store.reads, appends: store.appends }).toEqual({ reads: 1, appends: 1 });
  });
});
