/** Who appears in a timeline when Heard itself acted, or staff acted towards a customer. */
export const HEARD = 'Heard';

/** One event told in words, before the version and time are added. */
export interface TimelineLine {
  readonly who: string;
  readonly what: string;
  readonly why: string | null;
  /** The words written: a note, a reply, the message to the customer. */
  readonly detail?: string | null;
}
