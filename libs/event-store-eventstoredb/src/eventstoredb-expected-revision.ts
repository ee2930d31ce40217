import { ANY, NO_STREAM, STREAM_EXISTS } from '@eventstore/db-client';
import type { AppendExpectedRevision, CurrentRevision } from '@eventstore/db-client';
import { ActualVersion, ExpectedVersion } from '@heard/event-store';

/** Our stream versions count events from 1; EventStoreDB revisions count them from 0. */
export const toRevision = (version: number): bigint => BigInt(version - 1);

export const toVersion = (revision: bigint): number => Number(revision) + 1;

/**
 * The revision EventStoreDB should check, or null when no stream can ever match: a number is the
 * version of the stream's last event, so 0 names a stream that has none, and a missing stream is
 * `no_stream`, never 0 (matchesExpectation in @heard/event-store).
 */
export function toExpectedRevision(expected: ExpectedVersion): AppendExpectedRevision | null {
  switch (expected) {
    case 'any':
      return ANY;
    case 'no_stream':
      return NO_STREAM;
    case 'stream_exists':
      return STREAM_EXISTS;
    default:
      return expected === 0 ? null : toRevision(expected);
  }
}

/** Older servers report a missing stream as revision -1 instead of `no_stream`. */
export const toActualVersion = (current: CurrentRevision): ActualVersion =>
  current === NO_STREAM || current < 0n ? 'no_stream' : toVersion(current);
