import { RecordedEvent } from '@heard/event-store';
import { categoryOf, evolveStreamCatalog } from './stream-catalog.evolve';

const event = (streamId: string, streamVersion: number, globalPosition: bigint): RecordedEvent => ({
  eventId: `00000000-0000-7000-8000-${String(globalPosition).padStart(12, '0')}`,
  type: `Happened${streamVersion}`,
  schemaVersion: 1,
  data: {},
  streamId,
  streamVersion,
  globalPosition,
  occurredAt: new Date('2026-01-01T00:00:00Z'),
  recordedAt: new Date(Number(globalPosition) * 1000),
  correlationId: null,
  causationId: null,
  actor: null,
});

describe('stream catalog evolve', () => {
  it('takes the category from the stream id up to the first dash', () => {
    expect(categoryOf('case-0193-abc')).toBe('case');
    expect(categoryOf('settings')).toBe('settings');
    expect(categoryOf('-odd')).toBe('');
  });

  it('creates a row from a stream’s first event', () => {
    expect(evolveStreamCatalog(null, event('feedback-1', 1, 7n))).toEqual({
      streamId: 'feedback-1',
      category: 'feedback',
      version: 1,
      lastEventType: 'Happened1',
      lastPosition: 7n,
      updatedAt: new Date(7000),
    });
  });

  it('moves the row to a later event', () => {
    const row = evolveStreamCatalog(null, event('case-1', 1, 3n));
    expect(evolveStreamCatalog(row, event('case-1', 2, 9n))).toMatchObject({
      version: 2,
      lastEventType: 'Happened2',
      lastPosition: 9n,
    });
  });

  it('leaves the row as it is when it already reflects the event (a replay)', () => {
    const row = evolveStreamCatalog(null, event('case-1', 2, 9n));
    expect(evolveStreamCatalog(row, event('case-1', 2, 9n))).toBe(row);
    expect(evolveStreamCatalog(row, event('case-1', 1, 3n))).toBe(row);
  });
});
