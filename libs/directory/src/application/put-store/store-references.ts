/**
 * What a store names outside the directory. Calendars belong to the SLA context, which depends on
 * the directory, so the caller (the API, which sees both) says whether one exists.
 */
export interface StoreReferences {
  readonly calendarExists?: (calendarId: string) => Promise<boolean>;
}
