import { OpeningInterval, Weekday, WEEKDAYS } from './calendar';
import { SlaConfigError } from '../shared/sla-config-error';
import { CalendarDraft } from './calendar-draft';
import { CheckedInterval, overlapError, validateDayHours } from './validate-opening-hours';
import { MINUTES_PER_DAY } from './wall-time';

const MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;

/**
 * Every weekday, closed when absent, and open on one at least. An interval past midnight runs into the next day (Sunday's
 * into Monday's), so it must not overlap that day's first hours either.
 */
export function validateWeek(draft: CalendarDraft['week']): Record<Weekday, OpeningInterval[]> {
  const unknown = Object.keys(draft ?? {}).find((key) => !WEEKDAYS.includes(key as Weekday));
  if (unknown !== undefined) {
    throw new SlaConfigError(
      'sla.invalid_weekday',
      `week.${unknown}`,
      `week.${unknown} is not a weekday; use ${WEEKDAYS.join(', ')}`,
    );
  }
  const days = WEEKDAYS.map((day) => validateDayHours(draft?.[day], `week.${day}`));
  const timeline: CheckedInterval[] = days.flatMap((intervals, d) =>
    intervals.map((c) => ({
      ...c,
      start: c.start + d * MINUTES_PER_DAY,
      end: c.end + d * MINUTES_PER_DAY,
    })),
  );
  if (timeline.length === 0) {
    // A calendar that never opens would leave every business target without a due time.
    throw new SlaConfigError(
      'sla.no_opening_hours',
      'week',
      'week must have opening hours on at least one day',
    );
  }
  for (let i = 1; i < timeline.length; i++) {
    if (timeline[i].start < timeline[i - 1].end) throw overlapError(timeline[i], timeline[i - 1]);
  }
  const first = timeline[0];
  const last = timeline[timeline.length - 1];
  if (first && last !== first && last.end - MINUTES_PER_WEEK > first.start) {
    throw overlapError(first, last);
  }
  return Object.fromEntries(
    WEEKDAYS.map((day, d) => [day, days[d].map((c) => c.interval)]),
  ) as Record<Weekday, OpeningInterval[]>;
}
