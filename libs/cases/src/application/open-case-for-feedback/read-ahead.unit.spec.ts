import { ReadAhead } from './read-ahead';

describe('ReadAhead', () => {
  it('hands a read over once', () => {
    const ahead = new ReadAhead<string>(4);
    ahead.put('f-1', 'history of f-1');
    expect(ahead.take('f-1')).toBe('history of f-1');
    expect(ahead.take('f-1')).toBeUndefined();
    expect(ahead.size).toBe(0);
  });

  it('keeps the latest read of a key', () => {
    const ahead = new ReadAhead<string>(4);
    ahead.put('f-1', 'first read');
    ahead.put('f-1', 'redelivered read');
    expect(ahead.size).toBe(1);
    expect(ahead.take('f-1')).toBe('redelivered read');
  });

  it('keeps at most its capacity, dropping the oldest read', () => {
    const ahead = new ReadAhead<number>(2);
    ahead.put('f-1', 1);
    ahead.put('f-2', 2);
    ahead.put('f-3', 3);
    expect(ahead.size).toBe(2);
    expect([ahead.take('f-1'), ahead.take('f-2'), ahead.take('f-3')]).toEqual([undefined, 2, 3]);
  });

  it('refuses a capacity that keeps nothing', () => {
    expect(() => new ReadAhead(0)).toThrow(RangeError);
  });
});
