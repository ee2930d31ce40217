import { ADMIN, AT, putPersonCommand } from '../../testing/directory-commands';
import { deciderSpec } from '../../testing/decider-spec';
import { personDecider } from './person.decider';
import { PersonDefined } from './person.events';

const spec = deciderSpec(personDecider);

const defined: PersonDefined = {
  type: 'PersonDefined',
  data: {
    personId: 'M-42',
    roles: ['store_manager'],
    locale: 'de-DE',
    personal: { name: 'Mara Lind' },
    at: AT,
    by: ADMIN,
  },
};

describe('person decider', () => {
  it('defines a person with the name kept apart as personal data', () => {
    spec.given([]).when(putPersonCommand()).then([defined]);
  });

  it('keeps an e-mail for staff alerts with the name, and refuses one that is not', () => {
    spec
      .given([defined])
      .when(putPersonCommand({ email: ' mara@example.com ' }))
      .then([
        {
          type: 'PersonChanged',
          data: { ...defined.data, personal: { name: 'Mara Lind', email: 'mara@example.com' } },
        },
      ]);
    spec
      .given([])
      .when(putPersonCommand({ email: 'not an address' }))
      .thenRefuses({ code: 'directory.invalid_email', field: 'email' });
  });

  it('keeps roles as a set in a fixed order', () => {
    spec
      .given([])
      .when(putPersonCommand({ roles: ['cx_admin', 'agent', 'cx_admin'] }))
      .then([{ type: 'PersonDefined', data: { ...defined.data, roles: ['agent', 'cx_admin'] } }]);
  });

  it('canonicalises the locale, so a differently cased tag is no change', () => {
    spec
      .given([defined])
      .when(putPersonCommand({ locale: 'de-de' }))
      .thenNothing();
  });

  it('records a new role as a change', () => {
    spec
      .given([defined])
      .when(putPersonCommand({ roles: ['store_manager', 'regional_manager'] }))
      .then([
        {
          type: 'PersonChanged',
          data: { ...defined.data, roles: ['store_manager', 'regional_manager'] },
        },
      ]);
  });

  it('records a new name as a change', () => {
    spec
      .given([defined])
      .when(putPersonCommand({ name: 'Mara Berg' }))
      .then([
        { type: 'PersonChanged', data: { ...defined.data, personal: { name: 'Mara Berg' } } },
      ]);
  });

  it('refuses an unknown role, naming its position', () => {
    spec
      .given([])
      .when(putPersonCommand({ roles: ['agent', 'superuser'] }))
      .thenRefuses({ code: 'directory.unknown_role', field: 'roles[1]' });
  });

  it('refuses a person without roles', () => {
    spec
      .given([])
      .when(putPersonCommand({ roles: [] }))
      .thenRefuses({ code: 'directory.invalid_list', field: 'roles' });
  });

  it.each([['pt_BR'], [''], ['not a locale']])('refuses the locale %j', (locale) => {
    spec
      .given([])
      .when(putPersonCommand({ locale }))
      .thenRefuses({ code: 'directory.invalid_locale', field: 'locale' });
  });
});
