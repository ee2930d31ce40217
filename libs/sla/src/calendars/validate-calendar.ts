import { BusinessCalendar } from '../domain/calendar';
import { CalendarDraft } from './calendar-draft';
import { requireIanaTimeZone } from './iana-time-zone';
import { validateSpecialDays } from './validate-special-days';
import { validateWeek } from './validate-week';

/** What a calendar's stream stores: everything but the version, which the stream counts. */
export type CalendarFields = Omit<BusinessCalendar, 'version'>;

export function validateCalendar(calendarId: string, draft: CalendarDraft): CalendarFields {
  return {
    calendarId,
    timeZone: requireIanaTimeZone(draft?.timeZone, 'timeZone'),
    week: validateWeek(draft?.week),
    specialDays: validateSpecialDays(draft?.specialDays),
  };
}
