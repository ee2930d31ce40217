import { DirectoryError } from './directory-error';

// Newer ICU also accepts raw offsets such as "+01:00"; those are not IANA zones and lose DST rules.
const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/;

/** An IANA time zone, returned in ICU's canonical spelling (so "europe/berlin" is stored once). */
export function requireTimezone(value: unknown, field: string): string {
  if (typeof value === 'string' && ZONE_NAME.test(value)) {
    try {
      return new Intl.DateTimeFormat('en', { timeZone: value }).resolvedOptions().timeZone;
    } catch {
      // Fall through to the domain error: RangeError is ICU's way of saying "unknown zone".
    }
  }
  throw new DirectoryError(
    'directory.invalid_timezone',
    field,
    `${field} must be an IANA time zone such as Europe/Berlin (got ${JSON.stringify(value)})`,
  );
}
