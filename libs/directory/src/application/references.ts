import type { EventStore } from '@heard/event-store';
import { Role } from '../domain/person/role';
import { DirectoryError } from '../domain/shared/directory-error';
import { requireId } from '../domain/shared/ids';
import { getPerson } from './queries/get-person.query';
import { getRegion } from './queries/get-region.query';
import { getTeam } from './queries/get-team.query';

// Checked outside the entry's stream: entries are never deleted, so "exists" cannot become false
// between the check and the append; a role taken away meanwhile is the accepted gap.

export async function requirePerson(
  eventStore: EventStore,
  personId: string,
  field: string,
  role?: Role,
): Promise<void> {
  const person = await getPerson(eventStore, requireId(personId, field));
  if (!person) {
    throw new DirectoryError('directory.unknown_person', field, `${field}: no person ${personId}`);
  }
  if (role && !person.current.roles.includes(role)) {
    throw new DirectoryError(
      'directory.missing_role',
      field,
      `${field}: person ${personId} does not have the ${role} role`,
    );
  }
}

export async function requireRegion(
  eventStore: EventStore,
  regionId: string,
  field: string,
): Promise<void> {
  if (!(await getRegion(eventStore, requireId(regionId, field)))) {
    throw new DirectoryError('directory.unknown_region', field, `${field}: no region ${regionId}`);
  }
}

export async function requireTeam(
  eventStore: EventStore,
  teamId: string,
  field: string,
): Promise<void> {
  if (!(await getTeam(eventStore, requireId(teamId, field)))) {
    throw new DirectoryError('directory.unknown_team', field, `${field}: no team ${teamId}`);
  }
}
