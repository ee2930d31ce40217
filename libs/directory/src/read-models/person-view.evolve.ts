import type { RecordedEvent } from '@heard/event-store';
import { PersonEvent } from '../domain/person/person.events';
import { unreachable } from '../domain/shared/unreachable';
import { alreadyReflects } from './already-reflects';
import { PersonView } from './person-view.entity';

export const PERSON_VIEW_EVENTS: readonly PersonEvent['type'][] = [
  'PersonDefined',
  'PersonChanged',
];

/** The row to write after `event`, or null when the row already reflects it. */
export function evolvePersonView(row: PersonView | null, event: RecordedEvent): PersonView | null {
  if (alreadyReflects(row, event)) return null;
  const stored = { type: event.type, data: event.data } as PersonEvent;
  switch (stored.type) {
    case 'PersonDefined':
    case 'PersonChanged': {
      const { personId, personal, roles, locale } = stored.data;
      return {
        personId,
        name: personal.name,
        roles: [...roles],
        locale,
        version: event.streamVersion,
        updatedAt: event.occurredAt,
      };
    }
    default:
      return unreachable(stored, 'person event');
  }
}
