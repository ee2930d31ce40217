/**
 * A business calendar: when a store is open, in its own time zone. Business targets count only
 * the open time; `24x7` targets count every minute.
 */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/**
 * Opening interval as local wall-clock times `HH:mm`. `to` earlier than or equal to `from` runs
 * past midnight into the next day (`22:00`–`02:00`); `24:00` as `to` is the end of the day.
 */
export interface OpeningInterval {
  readonly from: string;
  readonly to: string;
}

/** A date (`YYYY-MM-DD`, local to the calendar) that is closed or has other hours than usual. */
export interface SpecialDay {
  readonly date: string;
  /** Empty: closed all day (a holiday). */
  readonly hours: readonly OpeningInterval[];
  readonly name?: string;
}

export interface BusinessCalendar {
  readonly calendarId: string;
  /** The calendar's stream version: a case's clock names the version it counted with. */
  readonly version: number;
  /** IANA time zone (`Europe/Kyiv`). */
  readonly timeZone: string;
  readonly week: Readonly<Record<Weekday, readonly OpeningInterval[]>>;
  readonly specialDays: readonly SpecialDay[];
}
