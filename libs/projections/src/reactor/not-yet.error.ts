/**
 * A reactor's handler cannot act on an event yet because a read model it consults has not applied
 * the log that far. The runner tries the event again shortly and, for a while, does not count it
 * as a failure: a read model a moment behind is the normal state of things, and a subscription
 * that answered 503 on /ready for it would flap with every change. Past the grace period the wait
 * is reported like any other failure.
 */
export class NotYetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotYetError';
  }
}

/** How often a handler that said "not yet" is tried again, and how long before that is a failure. */
export const NOT_YET_RETRY_MS = 25;
export const NOT_YET_GRACE_MS = 30_000;
