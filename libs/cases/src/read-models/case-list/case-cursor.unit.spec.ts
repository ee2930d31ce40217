import { decodeCaseCursor, encodeCaseCursor } from './case-cursor';

describe('case cursor', () => {
  it('round-trips the deadline and id it was made from', () => {
    const cursor = { dueAt: '2026-11-23T10:00:00.000Z', caseId: 'f-1' };
    expect(decodeCaseCursor(encodeCaseCursor(cursor))).toEqual(cursor);
  });

  it.each([
    '',
    'not-base64!',
    Buffer.from('{"a":1}').toString('base64url'),
    Buffer.from('["yesterday","f-1"]').toString('base64url'),
  ])('refuses %p', (text) => {
    expect(decodeCaseCursor(text)).toBeNull();
  });
});
