import { RecordedEvent } from '@heard/event-store';
import { RunnerStatus } from '@heard/projections';
import { oldestCheckpoint, subscriptionLag } from './subscription-lag';

const status = (name: string, checkpoint: bigint): RunnerStatus => ({
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
});

const event = (position: bigint, recordedAt: string): RecordedEvent => ({
  eventId: `e-${position}`,
  type: 'Tested',
  schemaVersion: 1,
  data: {},
  streamId: 's-1',
  streamVersion: Number(position),
  globalPosition: position,
  occurredAt: new Date(recordedAt),
  recordedAt: new Date(recordedAt),
  correlationId: null,
  causationId: null,
  actor: null,
});

describe('subscription lag', () => {
  const now = new Date('2026-12-01T10:00:10Z');
  // Positions leave gaps: adapters may skip numbers.
  const ahead = [
    event(12n, '2026-12-01T10:00:00Z'),
    event(15n, '2026-12-01T10:00:04Z'),
    event(20n, '2026-12-01T10:00:09Z'),
  ];

  it('counts the events after each checkpoint and the age of the first one not applied', () => {
    const lag = subscriptionLag([status('a', 10n), status('b', 15n), status('c', 20n)], ahead, now);
    expect(lag.map((l) => [l.status.name, l.eventsBehind, l.secondsBehind])).toEqual([
      ['a', 3, 10],
      ['b', 1, 1],
      ['c', 0, 0],
    ]);
  });

  it('reads from the oldest checkpoint, or the start when there is none', () => {
    expect(oldestCheckpoint([status('a', 15n), status('b', 7n)])).toBe(7n);
    expect(oldestCheckpoint([])).toBe(0n);
  });
});
