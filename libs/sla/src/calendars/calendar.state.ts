import { CalendarFields } from '../domain/validate-calendar';

export type CalendarState =
  | { readonly status: 'Undefined' }
  | {
      readonly status: 'Defined';
      readonly current: CalendarFields;
      readonly definedAt: string;
      readonly changedAt: string;
      readonly changedBy: string;
    };

export const initialCalendarState = (): CalendarState => ({ status: 'Undefined' });

export const calendarStreamId = (calendarId: string): string => `calendar-${calendarId}`;
