import { DirectoryError } from '../shared/directory-error';

import { ROLES, Role } from '@heard/kernel';

export { ROLES };
export type { Role };

export const isRole = (value: unknown): value is Role => ROLES.includes(value as Role);

/** At least one role; duplicates dropped and kept in ROLES order so equal sets compare equal. */
export function requireRoles(values: unknown, field: string): Role[] {
  if (!Array.isArray(values) || values.length === 0) {
    throw new DirectoryError(
      'directory.invalid_list',
      field,
      `${field} must list at least one role`,
    );
  }
  values.forEach((value, i) => {
    if (!isRole(value)) {
      throw new DirectoryError(
        'directory.unknown_role',
        `${field}[${i}]`,
        `${field}[${i}] must be one of ${ROLES.join(', ')} (got ${JSON.stringify(value)})`,
      );
    }
  });
  return ROLES.filter((role) => values.includes(role));
}
