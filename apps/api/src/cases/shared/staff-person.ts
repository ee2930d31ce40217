import { getPerson } from '@heard/directory';
import { EventStore } from '@heard/event-store';
import { DomainError } from '@heard/kernel';
import { STAFF_ROLES } from './case-roles';

/** Someone a case may be handed or escalated to: a person in the directory with a staff role. */
export async function requireStaffPerson(
  store: EventStore,
  personId: string,
  field: string,
  code: string,
): Promise<void> {
  const person = await getPerson(store, personId);
  if (!person?.current.roles.some((role) => STAFF_ROLES.includes(role))) {
    throw new DomainError(
      code,
      `${field}: ${personId} is not a person with a staff role in the directory`,
      'invalid',
      field,
    );
  }
}
