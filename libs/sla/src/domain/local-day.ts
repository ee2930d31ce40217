import { DateTime } from 'luxon';
import { WEEKDAYS, Weekday } from './calendar';

const DAY_MS = 86_400_000;

/** A local calendar date as a day number (days since 1970-01-01); plain date counting, no zone. */
export const dayNumber = (year: number, month: number, day: number): number =>
  Date.UTC(year, month - 1, day) / DAY_MS;

export function dateOfDay(day: number): { year: number; month: number; day: number } {
  const date = new Date(day * DAY_MS);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** 1970-01-01 was a Thursday. */
export const weekdayOfDay = (day: number): Weekday => WEEKDAYS[(((day + 3) % 7) + 7) % 7];

/** `YYYY-MM-DD` of a real date as its day number, else null (2026-02-30 is not a date). */
export function dayOfIsoDate(text: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (match === null) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const number = dayNumber(year, month, day);
  const back = dateOfDay(number);
  return back.year === year && back.month === month && back.day === day ? number : null;
}

/**
 * The instant of a local wall-clock time: Luxon applies the zone's rules, so a time in the hour
 * skipped in spring moves forward by the gap, and one in the hour repeated in autumn takes one
 * of its two instants.
 */
export function instantOfWallTime(day: number, minutes: number, zone: string): number {
  const date = dateOfDay(day + Math.floor(minutes / 1440));
  const minute = minutes % 1440;
  return DateTime.fromObject(
    { ...date, hour: Math.floor(minute / 60), minute: minute % 60 },
    { zone },
  ).toMillis();
}
