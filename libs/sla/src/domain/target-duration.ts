/** Why a target's duration was refused, in words a cx_admin can act on. */
export interface DurationError {
  readonly error: string;
}

/** The longest target accepted: a year of counted time keeps every due time within reach. */
export const MAX_TARGET_MS = 366 * 24 * 3600_000;

// Days, then after T hours, minutes and seconds; a fraction only on seconds, to the millisecond.
const DURATION = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)(?:[.,](\d{1,3}))?S)?)?$/;

const UNIT_MS = { D: 24 * 3600_000, H: 3600_000, M: 60_000 } as const;

/**
 * A target's ISO 8601 duration (`PT72H`, `PT4H`, `PT15M`, `PT3S`, `PT0.5S`, `P2D`, `P1DT12H`) in
 * milliseconds of counted time. A day is 24 counted hours (in a business calendar: 24 open hours,
 * not one opening day). Years, months and weeks are refused: the first two have no fixed length.
 */
export function parseTargetDuration(text: unknown): number | DurationError {
  if (typeof text !== 'string') return { error: 'must be an ISO 8601 duration such as PT72H' };
  const match = DURATION.exec(text);
  if (match === null || text === 'P' || text.endsWith('T')) return { error: explain(text) };
  const [, days, hours, minutes, seconds, fraction] = match;
  const ms =
    Number(days ?? 0) * UNIT_MS.D +
    Number(hours ?? 0) * UNIT_MS.H +
    Number(minutes ?? 0) * UNIT_MS.M +
    Number(seconds ?? 0) * 1000 +
    Number((fraction ?? '').padEnd(3, '0'));
  if (ms <= 0) return { error: 'must be longer than zero' };
  if (ms > MAX_TARGET_MS) return { error: 'must be at most P366D' };
  return ms;
}

export const isDurationError = (value: number | DurationError): value is DurationError =>
  typeof value !== 'number';

/** For durations already validated (a published policy): a refusal here is a programming error. */
export function targetDurationMs(text: string): number {
  const parsed = parseTargetDuration(text);
  if (isDurationError(parsed)) throw new RangeError(`target duration ${text}: ${parsed.error}`);
  return parsed;
}

function explain(text: string): string {
  const date = text.split('T')[0] ?? '';
  if (/^P.*[YM]/.test(date)) {
    return 'years and months have no fixed length: write days (P30D) or hours (PT72H)';
  }
  if (/^P.*W/.test(date)) return 'weeks are not accepted: write days (P14D)';
  if (text.startsWith('-')) return 'must not be negative';
  if (/[.,]\d*[DHM]/.test(text)) return 'only seconds may have a fraction (PT0.5S, not PT1.5H)';
  if (/[.,]\d{4,}S/.test(text)) return 'seconds have at most three decimals (milliseconds)';
  return 'must be an ISO 8601 duration PnDTnHnMnS such as PT72H, PT4H, PT15M or PT30S';
}
