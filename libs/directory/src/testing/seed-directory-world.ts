import type { EventStore } from '@heard/event-store';
import { putPerson } from '../application/put-person/put-person.handler';
import { putRegion } from '../application/put-region/put-region.handler';
import { putStore } from '../application/put-store/put-store.handler';
import { putTeam } from '../application/put-team/put-team.handler';
import {
  putPersonCommand,
  putRegionCommand,
  putStoreCommand,
  putTeamCommand,
} from './directory-commands';
import { seedDirectory } from './seed-directory';

/**
 * Two regions, three stores and two teams, chosen so every scope rule shows: M-42 manages a store
 * in each region and sits in a team; RM-1 leads North (S-042, S-043); A-1 is in both teams.
 */
export async function seedDirectoryWorld(eventStore: EventStore): Promise<void> {
  await seedDirectory(eventStore);
  await putPerson(eventStore, putPersonCommand({ personId: 'RM-2', roles: ['regional_manager'] }));
  await putPerson(eventStore, putPersonCommand({ personId: 'M-7', roles: ['store_manager'] }));
  await putRegion(eventStore, putRegionCommand({ regionId: 'R-S', name: 'South', leadId: 'RM-2' }));
  await putStore(eventStore, putStoreCommand());
  await putStore(
    eventStore,
    putStoreCommand({ storeId: 'S-043', name: 'Mill Lane', managerId: 'M-7' }),
  );
  await putStore(eventStore, putStoreCommand({ storeId: 'S-100', name: 'Quay', regionId: 'R-S' }));
  await putTeam(
    eventStore,
    putTeamCommand({
      teamId: 'T-floor',
      name: 'Floor',
      memberIds: ['M-42', 'A-1'],
      queue: 'floor',
    }),
  );
}
