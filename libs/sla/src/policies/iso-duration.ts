import { SlaConfigError } from '../shared/sla-config-error';

// Days, hours, minutes and whole seconds only: years and months have no fixed length.
const ISO_DURATION = /^P(?:(\d{1,5})D)?(?:T(?:(\d{1,6})H)?(?:(\d{1,8})M)?(?:(\d{1,9})S)?)?$/;

/** A target longer than a year is a typo, not a promise. */
export const MAX_TARGET_SECONDS = 366 * 24 * 3600;

/** Seconds in an ISO 8601 duration of the accepted form, or null if it is not one. */
export function isoDurationSeconds(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const parts = ISO_DURATION.exec(value);
  if (!parts) return null;
  const [, days, hours, minutes, seconds] = parts;
  const timeGiven = hours !== undefined || minutes !== undefined || seconds !== undefined;
  if (value.includes('T') && !timeGiven) return null;
  if (days === undefined && !timeGiven) return null;
  const n = (part: string | undefined) => (part === undefined ? 0 : Number(part));
  return n(days) * 86400 + n(hours) * 3600 + n(minutes) * 60 + n(seconds);
}

export function requireIsoDuration(value: unknown, field: string): string {
  const seconds = isoDurationSeconds(value);
  if (seconds === null || seconds === 0 || seconds > MAX_TARGET_SECONDS) {
    throw new SlaConfigError(
      'sla.invalid_duration',
      field,
      `${field} must be an ISO 8601 duration of days, hours, minutes or seconds above zero and at most a year, such as PT72H, PT4H, PT15M or P2D; years and months are not allowed (got ${JSON.stringify(value)})`,
    );
  }
  return value as string;
}
