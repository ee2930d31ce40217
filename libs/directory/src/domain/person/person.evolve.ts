import { applySnapshot } from '../shared/snapshot-state';
import { unreachable } from '../shared/unreachable';
import { PersonEvent } from './person.events';
import { PersonState } from './person.state';

export function evolvePerson(state: PersonState, event: PersonEvent): PersonState {
  switch (event.type) {
    case 'PersonDefined':
    case 'PersonChanged': {
      const { at, by, personId, roles, locale, personal } = event.data;
      return applySnapshot(state, { personId, roles, locale, personal }, at, by);
    }
    default:
      return unreachable(event, 'person event');
  }
}
