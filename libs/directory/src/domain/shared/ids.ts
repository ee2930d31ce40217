import { DirectoryError } from './directory-error';

// Ids end up in stream names and URLs, so they stay short and free of separators that need escaping.
const ID = /^[A-Za-z0-9][A-Za-z0-9._:@-]{0,99}$/;

export function requireId(value: unknown, field: string): string {
  if (typeof value !== 'string' || !ID.test(value)) {
    throw new DirectoryError(
      'directory.invalid_id',
      field,
      `${field} must be 1–100 letters, digits or . _ : @ - starting with a letter or digit`,
    );
  }
  return value;
}

export function requireOptionalId(value: unknown, field: string): string | null {
  return value === null || value === undefined ? null : requireId(value, field);
}

/** A set of ids: duplicates dropped and sorted, so the same set always compares equal. */
export function requireIdSet(values: unknown, field: string): string[] {
  if (!Array.isArray(values)) {
    throw new DirectoryError('directory.invalid_list', field, `${field} must be a list`);
  }
  const ids = values.map((value, i) => requireId(value, `${field}[${i}]`));
  return [...new Set(ids)].sort(byCodeUnit);
}

/** Locale-independent ordering, so sorting gives the same answer on every machine. */
export function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
