import { InMemoryEventStore } from '@heard/event-store/testing';
import { LATER, publishRulesCommand } from '../../testing/directory-commands';
import { seedDirectory } from '../../testing/seed-directory';
import { loadRoutingRules, loadRoutingRulesVersion } from '../queries/load-routing-rules.query';
import { publishRoutingRules } from './publish-routing-rules.handler';

const toPerson = (personId: string) => ({
  id: 'r-p',
  match: {},
  owner: { kind: 'person', personId },
});

describe('publishRoutingRules', () => {
  let eventStore: InMemoryEventStore;

  beforeEach(async () => {
    eventStore = new InMemoryEventStore();
    await seedDirectory(eventStore);
  });

  it('publishes version 1, then 2, and keeps 1 readable', async () => {
    await publishRoutingRules(eventStore, publishRulesCommand());
    await publishRoutingRules(
      eventStore,
      publishRulesCommand({ rules: [toPerson('A-1')], at: LATER, by: 'admin-2' }),
    );
    expect(await loadRoutingRules(eventStore)).toMatchObject({
      version: 2,
      rules: [{ id: 'r-p', owner: { kind: 'person', personId: 'A-1' } }],
      publishedAt: LATER,
      publishedBy: 'admin-2',
    });
    expect(await loadRoutingRulesVersion(eventStore, 1)).toMatchObject({
      version: 1,
      rules: [{ id: 'r-1', owner: { kind: 'store_manager' } }],
    });
    expect(await loadRoutingRulesVersion(eventStore, 3)).toBeNull();
    expect(await loadRoutingRulesVersion(eventStore, 0)).toBeNull();
  });

  it('has no rules before the first publish', async () => {
    expect(await loadRoutingRules(eventStore)).toBeNull();
  });

  it('numbers concurrent publishes one after the other', async () => {
    await Promise.all([
      publishRoutingRules(eventStore, publishRulesCommand()),
      publishRoutingRules(eventStore, publishRulesCommand({ rules: [toPerson('A-2')] })),
    ]);
    const stream = await eventStore.readStream('routing-rules');
    expect(stream.map((e) => (e.data as { version: number }).version)).toEqual([1, 2]);
  });

  it('refuses a person owner missing from the directory', async () => {
    await expect(
      publishRoutingRules(eventStore, publishRulesCommand({ rules: [toPerson('nobody')] })),
    ).rejects.toMatchObject({ code: 'directory.unknown_person', field: 'rules[0].owner.personId' });
  });

  it('refuses a default team missing from the directory', async () => {
    await expect(
      publishRoutingRules(
        eventStore,
        publishRulesCommand({ defaultOwner: { kind: 'team', teamId: 'T-none' } }),
      ),
    ).rejects.toMatchObject({ code: 'directory.unknown_team', field: 'defaultOwner.teamId' });
    expect(await loadRoutingRules(eventStore)).toBeNull();
  });
});
