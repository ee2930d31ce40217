import { getTeam } from '@heard/directory';
import { EventStore } from '@heard/event-store';
import { DomainError } from '@heard/kernel';
import { requireStaffPerson } from '../shared/staff-person';

/** A case goes only to someone who can work it, and only into a team that exists. */
export async function requireAssignee(
  store: EventStore,
  ownerId: string,
  teamId: string | null | undefined,
): Promise<void> {
  await requireStaffPerson(store, ownerId, 'ownerId', 'case.unknown_assignee');
  if (teamId != null && (await getTeam(store, teamId)) === null) {
    throw new DomainError(
      'case.unknown_team',
      `teamId: there is no team ${teamId}`,
      'invalid',
      'teamId',
    );
  }
}
