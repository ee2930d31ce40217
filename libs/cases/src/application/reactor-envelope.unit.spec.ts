import { isUuid } from '@heard/event-store';
import { derivedEventId } from './reactor-envelope';

describe('derived event ids', () => {
  const cause = '0193a5b0-0000-7000-8000-000000000001';

  it('are UUIDs that the same cause, stream, command and index always give again', () => {
    const id = derivedEventId(cause, 'case-f-1', 'OpenCase', 0);
    expect(isUuid(id)).toBe(true);
    expect(derivedEventId(cause, 'case-f-1', 'OpenCase', 0)).toBe(id);
  });

  it('differ by stream, command and index', () => {
    const ids = new Set([
      derivedEventId(cause, 'case-f-1', 'OpenCase', 0),
      derivedEventId(cause, 'case-f-1', 'OpenCase', 1),
      derivedEventId(cause, 'case-f-1', 'AssignCase', 0),
      derivedEventId(cause, 'feedback-f-1', 'OpenCase', 0),
    ]);
    expect(ids.size).toBe(4);
  });
});
