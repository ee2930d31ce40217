import { getPerson, getTeam } from '@heard/directory';
import { EventStore } from '@heard/event-store';
import { DomainError } from '@heard/kernel';
import { STAFF_ROLES } from '../shared/case-roles';

/** A case goes only to someone who can work it, and only into a team that exists. */
export async function requireAssignee(
  store: EventStore,
  ownerId: string,
  teamId: string | null | undefined,
): Promise<void> {
  const person = await getPerson(store, ownerId);
  if (!person?.current.roles.some((role) => STAFF_ROLES.includes(role))) {
    throw new DomainError(
      'case.unknown_assignee',
      `ownerId: ${ownerId} is not a person with a staff role in the directory`,
      'invalid',
      'ownerId',
    );
  }
  if (teamId != null && (await getTeam(store, teamId)) === null) {
    throw new DomainError(
      'case.unknown_team',
      `teamId: there is no team ${teamId}`,
      'invalid',
      'teamId',
    );
  }
}
