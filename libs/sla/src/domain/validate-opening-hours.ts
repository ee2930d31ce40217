import { OpeningInterval } from './calendar';
import { SlaConfigError } from '../shared/sla-config-error';
import { OpeningIntervalDraft } from './calendar-draft';
import { MINUTES_PER_DAY, wallClockMinutes } from './wall-time';

// More would be a timetable, not opening hours.
export const MAX_INTERVALS_PER_DAY = 12;

/** An interval in minutes after the day's midnight; past midnight it ends after MINUTES_PER_DAY. */
export interface CheckedInterval {
  readonly interval: OpeningInterval;
  readonly start: number;
  readonly end: number;
  readonly field: string;
}

function checkInterval(draft: OpeningIntervalDraft, field: string): CheckedInterval {
  if (typeof draft !== 'object' || draft === null) {
    throw new SlaConfigError('sla.invalid_wall_clock_time', field, `${field} must be {from, to}`);
  }
  const start = wallClockMinutes(draft.from, `${field}.from`, 'from');
  const to = wallClockMinutes(draft.to, `${field}.to`, 'to');
  // The shape's rule: an end at or before the start runs past midnight into the next day.
  const end = to <= start ? to + MINUTES_PER_DAY : to;
  return { interval: { from: draft.from, to: draft.to }, start, end, field };
}

const span = (c: CheckedInterval) => `${c.interval.from}–${c.interval.to}`;

export function overlapError(later: CheckedInterval, earlier: CheckedInterval): SlaConfigError {
  return new SlaConfigError(
    'sla.overlapping_hours',
    later.field,
    `${later.field} (${span(later)}) overlaps ${earlier.field} (${span(earlier)}); intervals may touch but not overlap`,
  );
}

/** One day's intervals, checked and sorted by start; they may touch but not overlap. */
export function validateDayHours(
  drafts: readonly OpeningIntervalDraft[] | null | undefined,
  field: string,
): CheckedInterval[] {
  if (drafts === undefined || drafts === null) return [];
  if (!Array.isArray(drafts) || drafts.length > MAX_INTERVALS_PER_DAY) {
    throw new SlaConfigError(
      'sla.invalid_list',
      field,
      `${field} must be a list of at most ${MAX_INTERVALS_PER_DAY} intervals`,
    );
  }
  const checked = drafts
    .map((draft, i) => checkInterval(draft, `${field}[${i}]`))
    .sort((a, b) => a.start - b.start);
  for (let i = 1; i < checked.length; i++) {
    if (checked[i].start < checked[i - 1].end) throw overlapError(checked[i], checked[i - 1]);
  }
  return checked;
}
