import { ConfigStamp } from '../shared/config-fields';
import { CalendarDraft } from '../domain/calendar-draft';

/** Create or replace a calendar (an idempotent PUT). */
export interface PutCalendar extends CalendarDraft, ConfigStamp {
  readonly type: 'PutCalendar';
  readonly calendarId: string;
}

export type CalendarCommand = PutCalendar;
