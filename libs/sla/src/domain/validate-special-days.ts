import { SpecialDay } from './calendar';
import { byCodeUnit, requireOptionalConfigName } from '../shared/config-fields';
import { SlaConfigError } from '../shared/sla-config-error';
import { SpecialDayDraft } from './calendar-draft';
import { dayOfIsoDate } from './local-day';
import { validateDayHours } from './validate-opening-hours';

/** About three years of holidays and short days, kept whole in each calendar event. */
export const MAX_SPECIAL_DAYS = 1000;

/** A real local date `YYYY-MM-DD`, from 1970 on (the day numbers the clock counts in). */
export function requireCalendarDate(value: unknown, field: string): string {
  const day = typeof value === 'string' ? dayOfIsoDate(value) : null;
  if (day !== null && day >= 0) return value as string;
  throw new SlaConfigError(
    'sla.invalid_date',
    field,
    `${field} must be a date that exists, YYYY-MM-DD such as 2026-12-25 (got ${JSON.stringify(value)})`,
  );
}

/** Sorted by date, one entry a date; no hours means closed all day. */
export function validateSpecialDays(
  drafts: readonly SpecialDayDraft[] | null | undefined,
): SpecialDay[] {
  if (drafts === undefined || drafts === null) return [];
  if (!Array.isArray(drafts) || drafts.length > MAX_SPECIAL_DAYS) {
    throw new SlaConfigError(
      'sla.invalid_list',
      'specialDays',
      `specialDays must be a list of at most ${MAX_SPECIAL_DAYS} days`,
    );
  }
  const seen = new Map<string, string>();
  const days = drafts.map((draft, i): SpecialDay => {
    const field = `specialDays[${i}]`;
    if (typeof draft !== 'object' || draft === null) {
      throw new SlaConfigError(
        'sla.invalid_date',
        `${field}.date`,
        `${field} must be {date, hours}`,
      );
    }
    const date = requireCalendarDate(draft.date, `${field}.date`);
    const earlier = seen.get(date);
    if (earlier !== undefined) {
      throw new SlaConfigError(
        'sla.duplicate_date',
        `${field}.date`,
        `${field}.date ${date} is already given by ${earlier}; one entry a date`,
      );
    }
    seen.set(date, field);
    const hours = validateDayHours(draft.hours, `${field}.hours`).map((c) => c.interval);
    const name = requireOptionalConfigName(draft.name, `${field}.name`, 100);
    return { date, hours, ...(name === undefined ? {} : { name }) };
  });
  return days.sort((a, b) => byCodeUnit(a.date, b.date));
}
