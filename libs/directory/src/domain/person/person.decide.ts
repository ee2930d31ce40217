import { requireId } from '../shared/ids';
import { requireLocale } from '../shared/locale';
import { sameJson } from '../shared/same-json';
import { requireStamp } from '../shared/stamp';
import { requireName } from '../shared/text';
import { unreachable } from '../shared/unreachable';
import { PersonCommand } from './person.commands';
import { PersonEvent, PersonFields } from './person.events';
import { PersonState } from './person.state';
import { requireRoles } from './role';

export function decidePerson(command: PersonCommand, state: PersonState): PersonEvent[] {
  switch (command.type) {
    case 'PutPerson': {
      const stamp = requireStamp(command);
      const fields: PersonFields = {
        personId: requireId(command.personId, 'personId'),
        roles: requireRoles(command.roles, 'roles'),
        locale: requireLocale(command.locale, 'locale'),
        personal: { name: requireName(command.name, 'name') },
      };
      if (state.status === 'Undefined') {
        return [{ type: 'PersonDefined', data: { ...fields, ...stamp } }];
      }
      if (sameJson(state.current, fields)) return [];
      return [{ type: 'PersonChanged', data: { ...fields, ...stamp } }];
    }
    default:
      return unreachable(command.type, 'person command');
  }
}
