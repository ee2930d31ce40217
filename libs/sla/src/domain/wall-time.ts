import { SlaConfigError } from '../shared/sla-config-error';
import { OpeningInterval } from './calendar';

export const MINUTES_PER_DAY = 1440;
const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** `HH:mm` as minutes after midnight; `24:00` only where an interval ends. */
export function wallMinutes(text: unknown, end: boolean): number | null {
  if (end && text === '24:00') return MINUTES_PER_DAY;
  if (typeof text !== 'string') return null;
  const match = HH_MM.exec(text);
  return match === null ? null : Number(match[1]) * 60 + Number(match[2]);
}

/** `wallMinutes` as a field rule: the minutes, or a refusal naming the field. */
export function wallClockMinutes(value: unknown, field: string, role: 'from' | 'to'): number {
  const minutes = wallMinutes(value, role === 'to');
  if (minutes !== null) return minutes;
  throw new SlaConfigError(
    'sla.invalid_wall_clock_time',
    field,
    `${field} must be a local time HH:mm from 00:00 to 23:59${role === 'to' ? ', or 24:00 for the end of the day' : ''} (got ${JSON.stringify(value)})`,
  );
}

/**
 * An opening interval as minutes after the midnight of the day it opens on. An end at or before
 * the start runs into the next day, so the end can be up to 2880 and an interval is never empty.
 */
export function intervalMinutes(interval: OpeningInterval): readonly [number, number] | null {
  const from = wallMinutes(interval.from, false);
  const to = wallMinutes(interval.to, true);
  if (from === null || to === null) return null;
  return [from, to > from ? to : to + MINUTES_PER_DAY];
}
