import { InMemoryEventStore } from '@heard/event-store/testing';
import { putTeamCommand } from '../../testing/directory-commands';
import { seedDirectory } from '../../testing/seed-directory';
import { putTeam } from './put-team.handler';

describe('putTeam', () => {
  let eventStore: InMemoryEventStore;

  beforeEach(async () => {
    eventStore = new InMemoryEventStore();
    await seedDirectory(eventStore);
  });

  it('stores the team once however its members are ordered', async () => {
    const result = await putTeam(eventStore, putTeamCommand({ memberIds: ['A-2', 'A-1'] }));
    expect(result.events).toEqual([]);
    expect(await eventStore.readStream('team-T-cx')).toHaveLength(1);
  });

  it('refuses a member who is not in the directory, naming the position', async () => {
    await expect(
      putTeam(eventStore, putTeamCommand({ memberIds: ['A-1', 'ghost'] })),
    ).rejects.toMatchObject({ code: 'directory.unknown_person', field: 'memberIds[1]' });
  });
});
