import { signHs256 } from '@heard/http';
import { Role, ROLES } from '@heard/kernel';
import { Labelled } from './schema-values';

const unsigned = (header: object, claims: object) =>
  [header, claims].map((part) => Buffer.from(JSON.stringify(part)).toString('base64url')).join('.');

/**
 * Valid tokens of every role, several times over so most requests reach validation, and the
 * ways a bearer token goes wrong: missing, malformed, expired, not yet valid, wrongly signed,
 * unsigned, and claims that are not what the API expects.
 */
export function fuzzAuthorizations(
  secret: string,
  subjectOf: (role: Role) => string,
): Labelled<string | undefined>[] {
  const subject = subjectOf('cx_admin');
  const now = Math.floor(Date.now() / 1000);
  const bearer = (claims: Record<string, unknown>, key = secret) =>
    `Bearer ${signHs256(claims, key)}`;
  const valid = ROLES.flatMap((role) =>
    Array.from({ length: 8 }, () => ({ value: bearer({ sub: subjectOf(role), role }), label: '' })),
  );
  const bad: [string | undefined, string][] = [
    [undefined, 'no token'],
    ['Bearer', 'empty bearer'],
    ['Bearer not.a.jwt', 'malformed token'],
    ['Basic dXNlcjpwYXNz', 'basic auth'],
    [`Bearer ${'a'.repeat(9_000)}`, 'long token'],
    [bearer({ sub: subject, role: 'cx_admin', exp: now - 60 }), 'expired token'],
    [bearer({ sub: subject, role: 'cx_admin', nbf: now + 3_600 }), 'token not yet valid'],
    [
      bearer({ sub: subject, role: 'cx_admin' }, 'another-secret-another-secret-12345'),
      'wrong key',
    ],
    [
      `Bearer ${unsigned({ alg: 'none', typ: 'JWT' }, { sub: subject, role: 'cx_admin' })}.`,
      'alg none',
    ],
    [bearer({ sub: subject }), 'no role'],
    [bearer({ sub: subject, role: 'root' }), 'unknown role'],
    [bearer({ sub: subject, roles: ['cx_admin', 'customer'] }), 'roles array'],
    [bearer({ sub: '', role: 'customer' }), 'empty sub'],
    [bearer({ sub: 42, role: 'customer' }), 'numeric sub'],
    [bearer({ sub: 'x'.repeat(5_000), role: 'customer' }), 'long sub'],
    [bearer({ sub: 'C-\u0000\u202e', role: 'customer' }), 'odd sub'],
  ];
  return [...valid, ...bad.map(([value, label]) => ({ value, label }))];
}
