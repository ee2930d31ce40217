import {
  MaxAppendSizeExceededError,
  NO_STREAM,
  UnavailableError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import type { CurrentRevision } from '@eventstore/db-client';
import { ConcurrencyError, InvalidAppendError } from '@heard/event-store';
import { translateAppendError } from './eventstoredb-errors';

const wrongVersion = (current: CurrentRevision) =>
  new WrongExpectedVersionError(undefined, { streamName: 'case-1', expected: 0n, current });

describe('append error translation', () => {
  it('turns a wrong expected version into our ConcurrencyError with the actual version', () => {
    const error = translateAppendError(wrongVersion(1n), 'case-1', 1);
    expect(error).toBeInstanceOf(ConcurrencyError);
    expect(error).toMatchObject({ streamId: 'case-1', expected: 1, actual: 2 });
  });

  it('reports a missing stream as no_stream and keeps the expectation the caller gave', () => {
    expect(translateAppendError(wrongVersion(NO_STREAM), 'case-1', 'stream_exists')).toMatchObject({
      expected: 'stream_exists',
      actual: 'no_stream',
    });
  });

  it('turns the server refusing an append as too large into InvalidAppendError on events', () => {
    const error = translateAppendError(
      MaxAppendSizeExceededError.fromMaxAppendSize(1_048_576),
      'case-1',
      'any',
    );
    expect(error).toBeInstanceOf(InvalidAppendError);
    expect(error).toMatchObject({ field: 'events' });
    expect((error as Error).message).toContain('1048576');
  });

  it('passes every other error through unchanged', () => {
    const unavailable = new UnavailableError();
    expect(translateAppendError(unavailable, 'case-1', 'any')).toBe(unavailable);
    const plain = new Error('boom');
    expect(translateAppendError(plain, 'case-1', 'any')).toBe(plain);
  });
});
