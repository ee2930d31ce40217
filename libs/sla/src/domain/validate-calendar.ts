import { isIanaTimeZone } from '@heard/kernel';
import { SlaConfigError } from '../shared/sla-config-error';
import { BusinessCalendar } from './calendar';
import { CalendarDraft } from './calendar-draft';
import { validateSpecialDays } from './validate-special-days';
import { validateWeek } from './validate-week';

/** What a calendar's stream stores: everything but the version, which the stream counts. */
export type CalendarFields = Omit<BusinessCalendar, 'version'>;

/**
 * The one check of a calendar, for the decider and the API alike: the calendar normalised (every
 * weekday, intervals and special days in order), or a refusal naming the first field wrong.
 */
export function validateCalendar(calendarId: string, draft: CalendarDraft): CalendarFields {
  return {
    calendarId,
    timeZone: requireIanaTimeZone(draft?.timeZone, 'timeZone'),
    week: validateWeek(draft?.week),
    specialDays: validateSpecialDays(draft?.specialDays),
  };
}

/**
 * An IANA time zone Luxon can count in, kept as spelled: ICU's canonical names differ between Node
 * versions (Node 20 turns Europe/Kyiv into Europe/Kiev), and a stored event must not.
 */
export function requireIanaTimeZone(value: unknown, field: string): string {
  if (isIanaTimeZone(value)) return value;
  throw new SlaConfigError(
    'sla.invalid_timezone',
    field,
    `${field} must be an IANA time zone such as Europe/Kyiv (got ${JSON.stringify(value)})`,
  );
}
