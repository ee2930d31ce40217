/**
 * What the writer believes about the stream before its append.
 * A number is the exact current version (the version of the last event; streams start at 1).
 */
export type ExpectedVersion = number | 'no_stream' | 'stream_exists' | 'any';

/** The version a stream has now: the version of its last event, or `no_stream`. */
export type ActualVersion = number | 'no_stream';

export function matchesExpectation(expected: ExpectedVersion, actual: ActualVersion): boolean {
  switch (expected) {
    case 'any':
      return true;
    case 'no_stream':
      return actual === 'no_stream';
    case 'stream_exists':
      return actual !== 'no_stream';
    default:
      return actual === expected;
  }
}

export const versionOf = (actual: ActualVersion): number => (actual === 'no_stream' ? 0 : actual);
