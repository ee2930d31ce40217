/** A calendar as the admin API sends it: loosely typed, checked and normalised by validateCalendar. */
export interface CalendarDraft {
  readonly timeZone: string;
  readonly week?: {
    readonly [weekday: string]: readonly OpeningIntervalDraft[] | undefined;
  } | null;
  readonly specialDays?: readonly SpecialDayDraft[] | null;
}

export interface OpeningIntervalDraft {
  readonly from: string;
  readonly to: string;
}

export interface SpecialDayDraft {
  readonly date: string;
  readonly hours?: readonly OpeningIntervalDraft[] | null;
  readonly name?: string | null;
}
