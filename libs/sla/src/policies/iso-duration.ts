import { isDurationError, MAX_TARGET_MS, parseTargetDuration } from '../domain/target-duration';
import { SlaConfigError } from '../shared/sla-config-error';

/** A target longer than a year is a typo, not a promise. */
export const MAX_TARGET_SECONDS = MAX_TARGET_MS / 1000;

/**
 * Seconds in a target duration, or null if it is not one: the clock's own parser decides, so a
 * published policy always holds durations the clock can count.
 */
export function isoDurationSeconds(value: unknown): number | null {
  const parsed = parseTargetDuration(value);
  return isDurationError(parsed) ? null : parsed / 1000;
}

export function requireIsoDuration(value: unknown, field: string): string {
  const parsed = parseTargetDuration(value);
  if (isDurationError(parsed)) {
    throw new SlaConfigError(
      'sla.invalid_duration',
      field,
      `${field} ${parsed.error}: an ISO 8601 duration of days, hours, minutes or seconds above zero and at most a year, such as PT72H, PT4H, PT15M or P2D (got ${JSON.stringify(value)})`,
    );
  }
  return value as string;
}
