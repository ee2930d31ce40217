import { ANY, NO_STREAM, STREAM_EXISTS } from '@eventstore/db-client';
import type { AppendExpectedRevision, CurrentRevision } from '@eventstore/db-client';
import { ExpectedVersion, matchesExpectation } from '@heard/event-store';
import {
  toActualVersion,
  toExpectedRevision,
  toRevision,
  toVersion,
} from './eventstoredb-expected-revision';

/** The server's check as its documentation states it: what the mapping must preserve. */
function serverAccepts(expected: AppendExpectedRevision, current: CurrentRevision): boolean {
  if (expected === ANY) return true;
  if (expected === NO_STREAM) return current === NO_STREAM;
  if (expected === STREAM_EXISTS) return current !== NO_STREAM;
  return expected === current;
}

describe('expected version ↔ EventStoreDB revision', () => {
  it('counts versions from 1 and revisions from 0', () => {
    expect(toRevision(1)).toBe(0n);
    expect(toRevision(100_000)).toBe(99_999n);
    expect(toVersion(0n)).toBe(1);
    expect(toVersion(99_999n)).toBe(100_000);
  });

  it('maps the named expectations to the client constants and a number n to revision n - 1', () => {
    expect(toExpectedRevision('any')).toBe(ANY);
    expect(toExpectedRevision('no_stream')).toBe(NO_STREAM);
    expect(toExpectedRevision('stream_exists')).toBe(STREAM_EXISTS);
    expect(toExpectedRevision(1)).toBe(0n);
    expect(toExpectedRevision(7)).toBe(6n);
  });

  it('gives no revision for version 0, which no stream ever has', () => {
    expect(toExpectedRevision(0)).toBeNull();
  });

  it('reads the actual version from the current revision, -1 from older servers as no_stream', () => {
    expect(toActualVersion(NO_STREAM)).toBe('no_stream');
    expect(toActualVersion(-1n)).toBe('no_stream');
    expect(toActualVersion(0n)).toBe(1);
    expect(toActualVersion(41n)).toBe(42);
  });

  it('lets the server accept exactly what matchesExpectation accepts', () => {
    const expectations: ExpectedVersion[] = ['any', 'no_stream', 'stream_exists', 0, 1, 2, 3];
    const currents: CurrentRevision[] = [NO_STREAM, 0n, 1n, 2n];
    for (const expected of expectations) {
      for (const current of currents) {
        const revision = toExpectedRevision(expected);
        const server = revision !== null && serverAccepts(revision, current);
        expect({ expected, current, server }).toEqual({
          expected,
          current,
          server: matchesExpectation(expected, toActualVersion(current)),
        });
      }
    }
  });
});
