import type { EventStore } from '@heard/event-store';
import { putPerson } from '../application/put-person/put-person.handler';
import { putRegion } from '../application/put-region/put-region.handler';
import { putTeam } from '../application/put-team/put-team.handler';
import { putPersonCommand, putRegionCommand, putTeamCommand } from './directory-commands';

/** The people, region and team the command builders refer to, so handlers find their references. */
export async function seedDirectory(eventStore: EventStore): Promise<void> {
  await putPerson(eventStore, putPersonCommand({ personId: 'RM-1', roles: ['regional_manager'] }));
  await putPerson(eventStore, putPersonCommand({ personId: 'M-42', roles: ['store_manager'] }));
  await putPerson(eventStore, putPersonCommand({ personId: 'A-1', roles: ['agent'] }));
  await putPerson(eventStore, putPersonCommand({ personId: 'A-2', roles: ['agent'] }));
  await putRegion(eventStore, putRegionCommand());
  await putTeam(eventStore, putTeamCommand());
}
