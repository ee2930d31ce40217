/** When and by whom a change was made; carried in event data so history explains itself. */
export interface ChangeStamp {
  /** ISO 8601 instant, normalised to UTC milliseconds. */
  readonly at: string;
  /** Id of the acting person or integration. */
  readonly by: string;
}
