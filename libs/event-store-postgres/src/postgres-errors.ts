import { DatabaseError } from 'pg';

const UNIQUE_VIOLATION = '23505';
const DEADLOCK = '40P01';

/** A racing writer committed one of the batch's event ids first: the id lookup now answers it. */
export const isEventIdTaken = (error: unknown): boolean =>
  error instanceof DatabaseError &&
  error.code === UNIQUE_VIOLATION &&
  error.constraint === 'events_event_id_key';

/** Worth writing the same group again in a new transaction. */
export const isTransient = (error: unknown): boolean =>
  isEventIdTaken(error) || (error instanceof DatabaseError && error.code === DEADLOCK);

/**
 * The server never answered: the connection broke or timed out after the statement may have been
 * sent, so it may have committed. A DatabaseError is the server's answer that it did not.
 */
export const isOutcomeUnknown = (error: unknown): boolean => !(error instanceof DatabaseError);
