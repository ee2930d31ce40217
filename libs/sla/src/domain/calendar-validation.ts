import { isIanaTimeZone } from '@heard/kernel';
import { BusinessCalendar, OpeningInterval, WEEKDAYS, Weekday } from './calendar';
import { dayOfIsoDate, weekdayOfDay } from './local-day';
import { MINUTES_PER_DAY, intervalMinutes, wallMinutes } from './wall-time';

/** One refused field, shaped like the API's problem+json `errors` entries. */
export interface CalendarFieldError {
  readonly field: string;
  readonly rule: string;
  readonly message: string;
}

export type CalendarDefinition = Pick<BusinessCalendar, 'timeZone' | 'week' | 'specialDays'>;

interface Placed {
  readonly field: string;
  readonly start: number;
  readonly end: number;
}

/** Everything wrong with a calendar, field by field; empty when it can be counted in. */
export function calendarDefinitionErrors(
  calendar: CalendarDefinition,
): readonly CalendarFieldError[] {
  const errors: CalendarFieldError[] = [];
  if (!isIanaTimeZone(calendar.timeZone)) {
    errors.push({
      field: 'timeZone',
      rule: 'ianaTimeZone',
      message: `timeZone must be an IANA time zone such as Europe/Kyiv (got ${JSON.stringify(calendar.timeZone)})`,
    });
  }
  const week = WEEKDAYS.flatMap((day, index) =>
    place(calendar.week[day] ?? [], `week.${day}`, index * MINUTES_PER_DAY, errors),
  );
  // Sunday's night runs into Monday: the week is a circle.
  const wrapped = week.map((p) => ({
    ...p,
    start: p.start + 7 * MINUTES_PER_DAY,
    end: p.end + 7 * MINUTES_PER_DAY,
  }));
  overlaps([...week, ...wrapped], (p) => p.start < 7 * MINUTES_PER_DAY, errors);
  if (week.length === 0 && !errors.some((e) => e.field.startsWith('week'))) {
    errors.push({
      field: 'week',
      rule: 'someOpenHours',
      message: 'week must have opening hours on at least one day',
    });
  }
  validateSpecialDays(calendar, errors);
  return errors;
}

function validateSpecialDays(calendar: CalendarDefinition, errors: CalendarFieldError[]): void {
  const byDay = new Map<number, number>();
  calendar.specialDays.forEach(({ date }, i) => {
    const day = dayOfIsoDate(date);
    const field = `specialDays[${i}].date`;
    if (day === null) {
      errors.push({
        field,
        rule: 'realDate',
        message: `${field} must be a real date YYYY-MM-DD (got ${JSON.stringify(date)})`,
      });
    } else if (byDay.has(day)) {
      errors.push({
        field,
        rule: 'unique',
        message: `${field} ${date} is already specialDays[${byDay.get(day)}]`,
      });
    } else byDay.set(day, i);
  });
  for (const [day, i] of byDay) {
    const own = place(calendar.specialDays[i].hours, `specialDays[${i}].hours`, 0, errors);
    const neighbour = (offset: number) => {
      const j = byDay.get(day + offset);
      const hours =
        j === undefined
          ? weekHours(calendar, weekdayOfDay(day + offset))
          : calendar.specialDays[j].hours;
      const field =
        j === undefined ? `week.${weekdayOfDay(day + offset)}` : `specialDays[${j}].hours`;
      return place(hours, field, offset * MINUTES_PER_DAY, []);
    };
    const ownFields = new Set(own.map((p) => p.field));
    overlaps([...neighbour(-1), ...own, ...neighbour(1)], (p) => ownFields.has(p.field), errors);
  }
}

const weekHours = (calendar: CalendarDefinition, day: Weekday): readonly OpeningInterval[] =>
  calendar.week[day] ?? [];

/** Intervals on a timeline of minutes; those that do not parse are reported, not placed. */
function place(
  intervals: readonly OpeningInterval[],
  field: string,
  offset: number,
  errors: CalendarFieldError[],
): Placed[] {
  const placed: Placed[] = [];
  intervals.forEach((interval, i) => {
    const at = `${field}[${i}]`;
    if (wallMinutes(interval.from, false) === null) {
      errors.push({
        field: `${at}.from`,
        rule: 'isWallTime',
        message: `${at}.from must be HH:mm from 00:00 to 23:59`,
      });
    }
    if (wallMinutes(interval.to, true) === null) {
      errors.push({
        field: `${at}.to`,
        rule: 'isWallTime',
        message: `${at}.to must be HH:mm from 00:00 to 24:00`,
      });
    }
    const minutes = intervalMinutes(interval);
    if (minutes !== null)
      placed.push({ field: at, start: offset + minutes[0], end: offset + minutes[1] });
  });
  return placed;
}

/** Reports each interval (that `reported` selects) which starts before an earlier one ended. */
function overlaps(
  placed: readonly Placed[],
  reported: (p: Placed) => boolean,
  errors: CalendarFieldError[],
): void {
  const sorted = [...placed].sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length && sorted[j].start < sorted[i].end; j++) {
      const [earlier, later] = [sorted[i], sorted[j]];
      const target = reported(later) ? later : reported(earlier) ? earlier : null;
      if (target === null || earlier.field === later.field) continue;
      const other = target === later ? earlier : later;
      if (errors.some((e) => e.field === target.field && e.rule === 'noOverlap')) continue;
      errors.push({
        field: target.field,
        rule: 'noOverlap',
        message: `${target.field} overlaps ${other.field} (an interval ending at or before its start runs past midnight)`,
      });
    }
  }
}
