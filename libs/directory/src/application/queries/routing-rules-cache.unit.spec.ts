import { ReadStreamOptions, RecordedEvent } from '@heard/event-store';
import { InMemoryEventStore } from '@heard/event-store/testing';
import { LATER, publishRulesCommand } from '../../testing/directory-commands';
import { seedDirectory } from '../../testing/seed-directory';
import { publishRoutingRules } from '../publish-routing-rules/publish-routing-rules.handler';
import { loadRoutingRules, RoutingRulesCache } from './load-routing-rules.query';

class ReadLog extends InMemoryEventStore {
  readonly reads: (ReadStreamOptions | undefined)[] = [];

  override readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    this.reads.push(options);
    return super.readStream(streamId, options);
  }
}

const toPerson = (personId: string) =>
  publishRulesCommand({
    rules: [{ id: 'r-p', match: {}, owner: { kind: 'person', personId } }],
    at: LATER,
  });

describe('loadRoutingRules with a cache', () => {
  let eventStore: ReadLog;
  let cache: RoutingRulesCache;
  const cached = () => loadRoutingRules(eventStore, { cache });

  beforeEach(async () => {
    eventStore = new ReadLog();
    await seedDirectory(eventStore);
    cache = new RoutingRulesCache();
  });

  it('answers null before the first publish and the first publish right after it', async () => {
    expect(await cached()).toBeNull();
    expect(cache.lastKnown()).toBeNull();
    await publishRoutingRules(eventStore, publishRulesCommand());
    expect(await cached()).toEqual(await loadRoutingRules(eventStore));
    expect(cache.lastKnown()).toMatchObject({ version: 1 });
  });

  it('answers each new version at once, reading only what was published since', async () => {
    await publishRoutingRules(eventStore, publishRulesCommand());
    await publishRoutingRules(eventStore, toPerson('A-1'));
    expect(await cached()).toMatchObject({ version: 2 });
    await publishRoutingRules(eventStore, toPerson('A-2'));
    await publishRoutingRules(eventStore, toPerson('M-42'));
    eventStore.reads.length = 0;
    expect(await cached()).toEqual(await loadRoutingRules(eventStore));
    expect(await cached()).toMatchObject({ version: 4, rules: [{ owner: { personId: 'M-42' } }] });
    expect(eventStore.reads).toEqual([
      { fromVersion: 3 },
      { direction: 'backwards', limit: 1 },
      { fromVersion: 5 },
    ]);
  });

  it('serves one event store only', async () => {
    await cached();
    await expect(loadRoutingRules(new InMemoryEventStore(), { cache })).rejects.toThrow(
      'serves one event store',
    );
  });
});
