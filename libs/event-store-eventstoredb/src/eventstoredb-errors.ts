import { MaxAppendSizeExceededError, WrongExpectedVersionError } from '@eventstore/db-client';
import { ConcurrencyError, ExpectedVersion, InvalidAppendError } from '@heard/event-store';
import { toActualVersion } from './eventstoredb-expected-revision';

/**
 * Native append errors in the port's terms. Both refusals are atomic on the server, so nothing of
 * the batch was written; anything else (unavailable, timeout, access denied) passes through as is.
 */
export function translateAppendError(
  error: unknown,
  streamId: string,
  expected: ExpectedVersion,
): unknown {
  if (error instanceof WrongExpectedVersionError) {
    // Our own expectation, not the client's echo of it: 'no_stream' and 5 stay what the caller sent.
    return new ConcurrencyError(streamId, expected, toActualVersion(error.actualVersion));
  }
  if (error instanceof MaxAppendSizeExceededError) {
    return new InvalidAppendError(
      'events',
      `must serialise to at most ${error.maxAppendSize} bytes per append (the server's --max-append-size)`,
    );
  }
  return error;
}
