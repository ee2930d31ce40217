import { DateTime } from 'luxon';
import { BusinessCalendar, OpeningInterval, SpecialDay, WEEKDAYS, Weekday } from './calendar';

export const KYIV = 'Europe/Kyiv';

/** A wall-clock time in Kyiv (`2026-11-20T17:55`) as an instant. */
export const kyiv = (local: string): Date => DateTime.fromISO(local, { zone: KYIV }).toJSDate();

/** An instant as Kyiv wall-clock time with its offset, to read assertions as people would. */
export const inKyiv = (instant: Date | string): string =>
  DateTime.fromJSDate(new Date(instant), { zone: KYIV }).toFormat("yyyy-MM-dd'T'HH:mm:ssZZ");

export function calendar(
  hours: Partial<Record<Weekday, readonly OpeningInterval[]>>,
  specialDays: readonly SpecialDay[] = [],
  timeZone = KYIV,
): BusinessCalendar {
  const week = Object.fromEntries(WEEKDAYS.map((day) => [day, hours[day] ?? []]));
  return {
    calendarId: 'cal-1',
    version: 3,
    timeZone,
    week: week as Record<Weekday, readonly OpeningInterval[]>,
    specialDays,
  };
}

const day = { from: '08:00', to: '22:00' };
/** The store: 08:00–22:00 Monday to Saturday, closed on Sunday. */
export const storeHours = calendar({
  mon: [day],
  tue: [day],
  wed: [day],
  thu: [day],
  fri: [day],
  sat: [day],
});

const night = { from: '22:00', to: '06:00' };
/** Open every night, 22:00 to 06:00 the next morning. */
export const nightHours = calendar(Object.fromEntries(WEEKDAYS.map((d) => [d, [night]])));

const whole = { from: '00:00', to: '24:00' };
/** Open all day every day, but still counted in local days (23 or 25 hours when clocks change). */
export const allDayHours = calendar(Object.fromEntries(WEEKDAYS.map((d) => [d, [whole]])));
