import { backoffDelay, defaultBackoff } from './backoff';

describe('backoff', () => {
  const plain = { ...defaultBackoff, jitter: 0 };

  it('doubles from the initial delay up to the cap', () => {
    expect([1, 2, 3, 4].map((attempt) => backoffDelay(plain, attempt))).toEqual([
      100, 200, 400, 800,
    ]);
    expect(backoffDelay(plain, 9)).toBe(25_600);
    expect(backoffDelay(plain, 10)).toBe(30_000);
    expect(backoffDelay(plain, 1000)).toBe(30_000);
  });

  it('takes at most the jitter fraction off, never adding to the cap', () => {
    expect(backoffDelay(defaultBackoff, 3, () => 0)).toBe(400);
    expect(backoffDelay(defaultBackoff, 3, () => 0.5)).toBe(360);
    expect(backoffDelay(defaultBackoff, 3, () => 0.999_999)).toBe(320);
    expect(backoffDelay(defaultBackoff, 50, () => 0)).toBe(30_000);
    expect(backoffDelay(defaultBackoff, 50, () => 0.5)).toBe(27_000);
  });
});
