import { canonicalTimeZone } from '@heard/kernel';
import { DirectoryError } from './directory-error';

/** An IANA time zone, returned in ICU's canonical spelling (so "europe/berlin" is stored once). */
export function requireTimezone(value: unknown, field: string): string {
  const zone = canonicalTimeZone(value);
  if (zone !== null) return zone;
  throw new DirectoryError(
    'directory.invalid_timezone',
    field,
    `${field} must be an IANA time zone such as Europe/Berlin (got ${JSON.stringify(value)})`,
  );
}
