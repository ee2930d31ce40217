// Newer ICU also accepts raw offsets such as "+01:00"; those are not IANA zones and lose DST rules.
const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/;

/**
 * ICU's canonical spelling of an IANA time zone name, or null when `value` is none. Every context
 * that takes a zone (stores, calendars, quiet hours) asks this, so they all accept the same names.
 */
export function canonicalTimeZone(value: unknown): string | null {
  if (typeof value !== 'string' || !ZONE_NAME.test(value)) return null;
  try {
    return new Intl.DateTimeFormat('en', { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    return null; // RangeError is ICU's way of saying "unknown zone"
  }
}

/** Whether `value` names an IANA time zone (in any spelling ICU knows). */
export const isIanaTimeZone = (value: unknown): value is string =>
  canonicalTimeZone(value) !== null;
