import { DirectoryError } from './directory-error';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** An ISO 8601 instant with an offset, normalised to UTC so equal instants compare equal. */
export function requireInstant(value: unknown, field: string): string {
  const ms = typeof value === 'string' && ISO_INSTANT.test(value) ? Date.parse(value) : NaN;
  if (Number.isNaN(ms)) {
    throw new DirectoryError(
      'directory.invalid_time',
      field,
      `${field} must be an ISO 8601 time with an offset, e.g. 2026-03-01T09:00:00Z`,
    );
  }
  return new Date(ms).toISOString();
}
