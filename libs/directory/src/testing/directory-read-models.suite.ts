import { InMemoryEventStore } from '@heard/event-store/testing';
import type { ReadModelDatabase, ReadModelDatabaseFactory } from '@heard/projections/testing';
import { DataSource } from 'typeorm';
import { putStore } from '../application/put-store/put-store.handler';
import { putTeam } from '../application/put-team/put-team.handler';
import { resolveScope } from '../read-models/resolve-scope';
import { AT, LATER, putStoreCommand, putTeamCommand } from './directory-commands';
import { directoryViewsSnapshot } from './directory-views-snapshot';
import { directoryReadModelEntities, feedDirectoryProjections } from './feed-directory-projections';
import { seedDirectoryWorld } from './seed-directory-world';

/** One suite for every read-model database, called with a factory, never branched on. */
export function directoryReadModelsSuite(name: string, fresh: ReadModelDatabaseFactory): void {
  describe(`directory read models on ${name}`, () => {
    let eventStore: InMemoryEventStore;
    let database: ReadModelDatabase;
    let dataSource: DataSource;
    let fed = 0n;

    /** Feeds the events after `from` (all of them by default) and remembers the head. */
    const feed = async (from = 0n) => {
      const events = await eventStore.readAll({ after: from, limit: 10_000 });
      await feedDirectoryProjections(dataSource, events);
      fed = events.at(-1)?.globalPosition ?? from;
    };
    const moveStoreAndShrinkTeam = async () => {
      await putStore(eventStore, putStoreCommand({ managerId: 'M-7', at: LATER }));
      await putTeam(eventStore, putTeamCommand({ memberIds: ['A-2'], at: LATER }));
    };

    beforeEach(async () => {
      eventStore = new InMemoryEventStore();
      await seedDirectoryWorld(eventStore);
      database = await fresh();
      dataSource = await database.open(directoryReadModelEntities);
    });

    afterEach(() => database.dispose());

    it('projects every entry with its fields, stream version and time', async () => {
      await feed();
      const snapshot = await directoryViewsSnapshot(dataSource);
      expect(snapshot).toMatchObject({
        regions: [
          { regionId: 'R-N', name: 'North', leadId: 'RM-1', version: 1, updatedAt: AT },
          { regionId: 'R-S', name: 'South', leadId: 'RM-2', version: 1, updatedAt: AT },
        ],
        stores: [
          {
            storeId: 'S-042',
            name: 'Harbour Street',
            regionId: 'R-N',
            timezone: 'Europe/Berlin',
            managerId: 'M-42',
            version: 1,
            updatedAt: AT,
          },
          { storeId: 'S-043', regionId: 'R-N', managerId: 'M-7' },
          { storeId: 'S-100', regionId: 'R-S', managerId: 'M-42' },
        ],
        teams: [
          { teamId: 'T-cx', name: 'Customer care', queue: 'cx', version: 1, updatedAt: AT },
          { teamId: 'T-floor', name: 'Floor', queue: 'floor', version: 1 },
        ],
        members: [
          { teamId: 'T-cx', personId: 'A-1' },
          { teamId: 'T-cx', personId: 'A-2' },
          { teamId: 'T-floor', personId: 'A-1' },
          { teamId: 'T-floor', personId: 'M-42' },
        ],
      });
      expect((snapshot as { people: object[] }).people).toContainEqual({
        personId: 'RM-1',
        name: 'Mara Lind',
        roles: ['regional_manager'],
        locale: 'de-DE',
        version: 1,
        updatedAt: AT,
      });
    });

    it('follows changes: a new manager replaces the old, a new member set the old one', async () => {
      await feed();
      await moveStoreAndShrinkTeam();
      await feed(fed);
      const { stores, members } = (await directoryViewsSnapshot(dataSource)) as {
        stores: object[];
        members: object[];
      };
      expect(stores[0]).toMatchObject({ managerId: 'M-7', version: 2, updatedAt: LATER });
      expect(members.filter((m) => (m as { teamId: string }).teamId === 'T-cx')).toEqual([
        { teamId: 'T-cx', personId: 'A-2' },
      ]);
    });

    it('leaves every row as it is when the log is replayed over it', async () => {
      await moveStoreAndShrinkTeam();
      await feed();
      const once = await directoryViewsSnapshot(dataSource);
      await feed();
      expect(await directoryViewsSnapshot(dataSource)).toEqual(once);
    });

    it('answers scopes from the rows it projected', async () => {
      await feed();
      expect(await resolveScope({ id: 'RM-1', role: 'regional_manager' }, dataSource)).toEqual({
        kind: 'staff',
        personId: 'RM-1',
        storeIds: ['S-042', 'S-043'],
        regionIds: ['R-N'],
        teamIds: [],
      });
    });
  });
}
