import { publishRoutingRules, putPerson, putStore, putTeam } from '@heard/directory';
import {
  publishRulesCommand,
  putPersonCommand,
  putStoreCommand,
  putTeamCommand,
  seedDirectory,
} from '@heard/directory/testing';
import { ReadStreamOptions, RecordedEvent } from '@heard/event-store';
import { InMemoryEventStore } from '@heard/event-store/testing';
import { RoutingDirectory } from './routing-directory';

class ReadLog extends InMemoryEventStore {
  readonly reads: { readonly streamId: string; readonly options?: ReadStreamOptions }[] = [];

  override readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    this.reads.push({ streamId, options });
    return super.readStream(streamId, options);
  }
}

const toTeam = (teamId: string) =>
  publishRulesCommand({
    rules: [{ id: 'r-care', match: {}, owner: { kind: 'team', teamId } }],
    defaultOwner: { kind: 'person', personId: 'A-1' },
  });

describe('the routing directory', () => {
  let eventStore: ReadLog;
  let directory: RoutingDirectory;

  beforeEach(async () => {
    eventStore = new ReadLog();
    await seedDirectory(eventStore);
    await putPerson(eventStore, putPersonCommand({ personId: 'M-7' }));
    await putStore(eventStore, putStoreCommand());
    await publishRoutingRules(eventStore, toTeam('T-cx'));
    directory = new RoutingDirectory(eventStore);
  });

  it('answers the store, the live rules and the members of their teams', async () => {
    const facts = await directory.factsFor('S-042');
    expect(facts.storeEntry).toMatchObject({ current: { managerId: 'M-42' } });
    expect(facts.rules).toMatchObject({ version: 1 });
    expect(facts.members).toEqual(new Map([['T-cx', ['A-1', 'A-2']]]));
    expect((await directory.factsFor(null)).storeEntry).toBeNull();
  });

  it('asks only for what was appended since, all at once', async () => {
    await directory.factsFor('S-042');
    eventStore.reads.length = 0;
    await directory.factsFor('S-042');
    expect(eventStore.reads).toEqual([
      { streamId: 'team-T-cx', options: { fromVersion: 2 } },
      { streamId: 'store-S-042', options: { fromVersion: 2 } },
      { streamId: 'routing-rules', options: { fromVersion: 2 } },
    ]);
  });

  it('answers a change made since the last use at once', async () => {
    await directory.factsFor('S-042');
    await putStore(eventStore, putStoreCommand({ managerId: 'M-7' }));
    await putTeam(eventStore, putTeamCommand({ memberIds: ['A-2'] }));
    const facts = await directory.factsFor('S-042');
    expect(facts.storeEntry).toMatchObject({ current: { managerId: 'M-7' } });
    expect(facts.members).toEqual(new Map([['T-cx', ['A-2']]]));
  });

  it('follows a newly published version to a team it had not read', async () => {
    await directory.factsFor('S-042');
    await putTeam(eventStore, putTeamCommand({ teamId: 'T-back', memberIds: ['M-7'] }));
    await publishRoutingRules(eventStore, toTeam('T-back'));
    const facts = await directory.factsFor('S-042');
    expect(facts.rules).toMatchObject({ version: 2 });
    expect(facts.members).toEqual(new Map([['T-back', ['M-7']]]));
  });
});
