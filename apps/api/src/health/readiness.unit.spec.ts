import { RunnerStatus } from '@heard/projections';
import { isReady, readiness } from './readiness';

const status = (name: string, checkpoint: bigint, more: Partial<RunnerStatus> = {}) =>
  ({
    name,
    kind: 'projection',
    state: 'running',
    checkpoint,
    live: true,
    error: null,
    failures: 0,
    lastError: null,
    lastErrorAt: null,
    nextRetryAt: null,
    ...more,
  }) satisfies RunnerStatus;
/** The log after position `after`, `count` events long; only positions matter here. */
const log = (after: bigint, count: number) =>
  Array.from({ length: count }, (_, i) => ({ globalPosition: after + BigInt(i + 1) }));

describe('readiness', () => {
  it('is ready at the head and catching up within the allowed lag', () => {
    expect(readiness([status('a', 10n)], log(10n, 0), 100, 3).status).toBe('ready');
    const within = readiness([status('a', 10n), status('b', 7n)], log(7n, 3), 100, 3);
    expect(within.status).toBe('catching_up');
    expect(within.subscriptions.map((s) => s.eventsBehind)).toEqual([0, 3]);
    expect(isReady(within)).toBe(true);
  });

  it('is lagging beyond the allowed lag, and beyond what it counts', () => {
    expect(readiness([status('a', 6n)], log(6n, 4), 100, 3).status).toBe('lagging');
    const far = readiness([status('a', 0n)], log(0n, 101), 100, 100);
    expect(far).toMatchObject({
      status: 'lagging',
      subscriptions: [{ eventsBehind: 'more than 100' }],
    });
    expect(isReady(far)).toBe(false);
  });

  it('is failing while a subscription retries or stopped for good, with its error and times', () => {
    const at = new Date('2026-12-01T08:00:00.000Z');
    const retrying = status('a', 5n, {
      state: 'retrying',
      live: false,
      error: 'boom',
      failures: 4,
      lastError: 'boom',
      lastErrorAt: at,
      nextRetryAt: new Date(at.getTime() + 800),
    });
    expect(readiness([retrying], log(5n, 0), 100, 3)).toEqual({
      status: 'failing',
      subscriptions: [
        {
          ...retrying,
          checkpoint: '5',
          eventsBehind: 0,
          lastErrorAt: '2026-12-01T08:00:00.000Z',
          nextRetryAt: '2026-12-01T08:00:00.800Z',
        },
      ],
    });
    expect(readiness([status('a', 5n, { state: 'failed' })], log(5n, 0), 100, 3).status).toBe(
      'failing',
    );
  });

  it('is failing when the event store does not answer', () => {
    expect(readiness([status('a', 5n)], { error: 'connection refused' }, 100, 3)).toMatchObject({
      status: 'failing',
      eventStoreError: 'connection refused',
      subscriptions: [{ eventsBehind: null }],
    });
  });
});
