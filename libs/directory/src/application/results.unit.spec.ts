import { InMemoryEventStore } from '@heard/event-store/testing';
import { ADMIN, AT, LATER, publishRulesCommand, putRegionCommand, seedDirectory } from '../testing';
import { entryOfResult } from './entry-of-result';
import { publishRoutingRules } from './publish-routing-rules/publish-routing-rules.handler';
import { publishedRulesOfResult } from './published-rules-of-result';
import { loadRoutingRules } from './queries/load-routing-rules.query';
import { getRegion } from './queries/get-region.query';
import { putRegion } from './put-region/put-region.handler';

describe('results of puts and publishes', () => {
  let eventStore: InMemoryEventStore;

  beforeEach(async () => {
    eventStore = new InMemoryEventStore();
    await seedDirectory(eventStore);
  });

  it('answers a put with the entry as the query would, changed or not', async () => {
    const changed = entryOfResult(
      await putRegion(eventStore, putRegionCommand({ name: 'Far North', at: LATER })),
    );
    expect(changed).toEqual(await getRegion(eventStore, 'R-N'));
    expect(changed).toMatchObject({ version: 2, definedAt: AT, changedAt: LATER });
    const unchanged = entryOfResult(
      await putRegion(eventStore, putRegionCommand({ name: 'Far North', at: LATER, by: 'x' })),
    );
    expect(unchanged).toEqual(changed);
  });

  it('answers a publish with the live set as loadRoutingRules would', async () => {
    const published = publishedRulesOfResult(
      await publishRoutingRules(eventStore, publishRulesCommand()),
    );
    expect(published).toEqual(await loadRoutingRules(eventStore));
    expect(published).toMatchObject({ version: 1, publishedAt: AT, publishedBy: ADMIN });
  });
});
