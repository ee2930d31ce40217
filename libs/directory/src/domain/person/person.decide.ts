import { requireId } from '../shared/ids';
import { requireLocale } from '../shared/locale';
import { sameJson } from '../shared/same-json';
import { requireStamp } from '../shared/stamp';
import { DirectoryError } from '../shared/directory-error';
import { requireName, requireOptionalText } from '../shared/text';
import { unreachable } from '../shared/unreachable';
import { PersonCommand } from './person.commands';
import { PersonEvent, PersonFields } from './person.events';
import { PersonState } from './person.state';
import { requireRoles } from './role';

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,190}\.[^\s@]{1,60}$/;

function personalOf(name: string, email: string | undefined): PersonFields['personal'] {
  const named = { name: requireName(name, 'name') };
  const address = requireOptionalText(email, 'email', 254);
  if (address === undefined) return named;
  if (!EMAIL.test(address))
    throw new DirectoryError('directory.invalid_email', 'email', 'email must be an e-mail address');
  return { ...named, email: address };
}

export function decidePerson(command: PersonCommand, state: PersonState): PersonEvent[] {
  switch (command.type) {
    case 'PutPerson': {
      const stamp = requireStamp(command);
      const fields: PersonFields = {
        personId: requireId(command.personId, 'personId'),
        roles: requireRoles(command.roles, 'roles'),
        locale: requireLocale(command.locale, 'locale'),
        personal: personalOf(command.name, command.email),
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
