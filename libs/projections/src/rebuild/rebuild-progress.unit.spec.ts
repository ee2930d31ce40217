import { FixedClock } from '@heard/event-store/testing';
import { atMostEvery } from './at-most-every';
import { measureProgress } from './rebuild-progress';

describe('rebuild progress', () => {
  it('derives the rate and the time left from counts and elapsed time', () => {
    expect(measureProgress('p', 2000, 10_000, 2100n, 4000)).toEqual({
      name: 'p',
      done: 2000,
      total: 10_000,
      position: 2100n,
      elapsedMs: 4000,
      eventsPerSecond: 500,
      etaMs: 16_000,
    });
  });

  it('has no ETA before there is a rate, and none left when done or past the total', () => {
    expect(measureProgress('p', 0, 10, 0n, 0).etaMs).toBeNull();
    expect(measureProgress('p', 10, 10, 10n, 0).etaMs).toBe(0);
    expect(measureProgress('p', 12, 10, 12n, 1000).etaMs).toBe(0);
  });

  it('lets a report through at most once per interval of the clock', () => {
    const clock = new FixedClock();
    const seen: number[] = [];
    const report = atMostEvery(1000, clock, (n: number) => seen.push(n));
    report(1);
    clock.advance(999);
    report(2);
    clock.advance(1);
    report(3);
    report(4);
    clock.advance(5000);
    report(5);
    expect(seen).toEqual([1, 3, 5]);
  });
});
