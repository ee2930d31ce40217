import { IANAZone } from 'luxon';
import { BusinessCalendar, OpeningInterval, WEEKDAYS, Weekday } from './calendar';
import { dayOfIsoDate, instantOfWallTime, weekdayOfDay } from './local-day';
import { intervalMinutes } from './wall-time';

type Minutes = readonly (readonly [number, number])[];

interface Compiled {
  readonly zone: string;
  readonly week: Readonly<Record<Weekday, Minutes>>;
  readonly special: ReadonlyMap<number, Minutes>;
  /** Day number → [start, end, start, end, …] in epoch ms; a memo, refilled when it grows. */
  readonly days: Map<number, readonly number[]>;
}

const MEMO_DAYS = 4096;
const compiled = new WeakMap<BusinessCalendar, Compiled>();

/**
 * The opening intervals that start on a local date, as instants: sorted, overlaps merged, ends
 * past midnight kept whole. A special day replaces its weekday's hours; an interval that runs past
 * midnight still belongs to the day it opened on, even when the next day is a holiday.
 */
export function openingsOfDay(calendar: BusinessCalendar, day: number): readonly number[] {
  const c = compile(calendar);
  const memo = c.days.get(day);
  if (memo !== undefined) return memo;
  const minutes = c.special.get(day) ?? c.week[weekdayOfDay(day)];
  const instants: number[] = [];
  for (const [from, to] of minutes) {
    const start = instantOfWallTime(day, from, c.zone);
    const end = instantOfWallTime(day, to, c.zone);
    if (end <= start) continue;
    const last = instants.length - 1;
    if (last > 0 && start <= instants[last]) instants[last] = Math.max(instants[last], end);
    else instants.push(start, end);
  }
  if (c.days.size >= MEMO_DAYS) c.days.clear();
  c.days.set(day, instants);
  return instants;
}

function compile(calendar: BusinessCalendar): Compiled {
  const known = compiled.get(calendar);
  if (known !== undefined) return known;
  if (!IANAZone.isValidZone(calendar.timeZone)) {
    throw new RangeError(`calendar ${calendar.calendarId}: unknown time zone ${calendar.timeZone}`);
  }
  const week = Object.fromEntries(
    WEEKDAYS.map((day) => [day, toMinutes(calendar.week[day], calendar.calendarId)]),
  ) as Record<Weekday, Minutes>;
  const special = new Map<number, Minutes>();
  for (const { date, hours } of calendar.specialDays) {
    const day = dayOfIsoDate(date);
    if (day === null) throw new RangeError(`calendar ${calendar.calendarId}: bad date ${date}`);
    special.set(day, toMinutes(hours, calendar.calendarId));
  }
  const result = { zone: calendar.timeZone, week, special, days: new Map() };
  compiled.set(calendar, result);
  return result;
}

function toMinutes(intervals: readonly OpeningInterval[], calendarId: string): Minutes {
  return intervals
    .map((interval) => {
      const minutes = intervalMinutes(interval);
      if (minutes === null) {
        throw new RangeError(
          `calendar ${calendarId}: bad interval ${interval.from}-${interval.to}`,
        );
      }
      return minutes;
    })
    .sort((a, b) => a[0] - b[0]);
}
