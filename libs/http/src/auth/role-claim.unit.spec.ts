import { heardRoleIn } from './role-claim';

describe('heardRoleIn', () => {
  it.each([
    ['a string', { role: 'agent' }, 'role', 'agent'],
    [
      'an array, first Heard role in its order',
      { roles: ['admin', 'cx_admin', 'agent'] },
      'roles',
      'cx_admin',
    ],
    [
      'a dotted path (Keycloak)',
      { realm_access: { roles: ['offline_access', 'store_manager'] } },
      'realm_access.roles',
      'store_manager',
    ],
    [
      'a claim whose name has dots (Auth0)',
      { 'https://heard.example/roles': ['customer'] },
      'https://heard.example/roles',
      'customer',
    ],
    [
      'an object keyed by role (Zitadel)',
      { 'urn:zitadel:iam:org:project:roles': { user: {}, agent: { '1': 'org.example' } } },
      'urn:zitadel:iam:org:project:roles',
      'agent',
    ],
  ])('finds the role in %s', (_label, claims, path, role) => {
    expect(heardRoleIn(claims, path)).toBe(role);
  });

  it.each([
    ['no such claim', { sub: 'x' }, 'role'],
    ['none of Heard roles', { role: ['admin', 'user'] }, 'role'],
    ['a path through a string', { realm_access: 'agent' }, 'realm_access.roles'],
    ['values that are not strings', { role: [1, null, { role: 'agent' }] }, 'role'],
    ['an inherited property', { sub: 'x' }, 'constructor'],
  ])('answers null for %s', (_label, claims, path) => {
    expect(heardRoleIn(claims, path)).toBeNull();
  });
});
