import { BusinessCalendar } from './calendar';
import { openingsOfDay } from './calendar-openings';

const DAY_MS = 86_400_000;
/**
 * Local days to look at around an instant, without asking the zone: offsets stay within ±14 h, so
 * the local date is within a day of the UTC date, and the day before it may hold an interval that
 * runs past midnight. The extra days come from the memo and are cut off by the cursor.
 */
const firstDay = (ms: number) => Math.floor(ms / DAY_MS) - 2;
const lastDay = (ms: number) => Math.floor(ms / DAY_MS) + 1;

/** A year and a bit of closed days in a row: past this the calendar can never open again. */
const MAX_CLOSED_DAYS = 400;

/**
 * The instant at which `ms` of open time has passed after `start`. Null counts every millisecond
 * (24x7). A start in closed hours counts from the next opening; a target that runs out exactly at
 * closing is due at closing.
 */
export function addBusinessTime(calendar: BusinessCalendar | null, start: Date, ms: number): Date {
  return new Date(addBusinessMs(calendar, start.getTime(), ms));
}

/** Open time between two instants; negative when `to` is before `from`. */
export function businessTimeBetween(
  calendar: BusinessCalendar | null,
  from: Date,
  to: Date,
): number {
  return businessMsBetween(calendar, from.getTime(), to.getTime());
}

/** `addBusinessTime` on epoch milliseconds, for callers that fold many cases. */
export function addBusinessMs(
  calendar: BusinessCalendar | null,
  start: number,
  ms: number,
): number {
  if (calendar === null || ms <= 0) return start + Math.max(0, ms);
  let remaining = ms;
  let cursor = start;
  let closedDays = 0;
  for (let day = firstDay(start); ; day++) {
    const openings = openingsOfDay(calendar, day);
    closedDays = openings.length === 0 ? closedDays + 1 : 0;
    if (closedDays > MAX_CLOSED_DAYS) throw neverOpens(calendar);
    for (let i = 0; i < openings.length; i += 2) {
      const from = Math.max(openings[i], cursor);
      const to = openings[i + 1];
      if (to <= from) continue;
      if (to - from >= remaining) return from + remaining;
      remaining -= to - from;
      cursor = to;
    }
  }
}

/** `businessTimeBetween` on epoch milliseconds. */
export function businessMsBetween(
  calendar: BusinessCalendar | null,
  from: number,
  to: number,
): number {
  if (to < from) return -businessMsBetween(calendar, to, from);
  if (calendar === null) return to - from;
  let total = 0;
  let cursor = from;
  const last = lastDay(to);
  for (let day = firstDay(from); day <= last; day++) {
    const openings = openingsOfDay(calendar, day);
    for (let i = 0; i < openings.length && openings[i] < to; i += 2) {
      const start = Math.max(openings[i], cursor);
      const end = Math.min(openings[i + 1], to);
      if (end <= start) continue;
      total += end - start;
      cursor = end;
    }
  }
  return total;
}

const neverOpens = (calendar: BusinessCalendar) =>
  new RangeError(
    `calendar ${calendar.calendarId} is closed for more than ${MAX_CLOSED_DAYS} days in a row`,
  );
