import { loopRateFigures, LoopRow, medianOf, shareOf } from './loop-rate-figures';

const T = Date.parse('2026-11-20T00:00:00.000Z');
const iso = (hours: number) => new Date(T + hours * 3_600_000).toISOString();
const row = (group: string | null, toldAfterHours: number | null, receivedAt = 0): LoopRow => ({
  group,
  receivedAt: iso(receivedAt),
  toldAt: toldAfterHours === null ? null : iso(receivedAt + toldAfterHours),
});
const H = 3_600_000;

describe('loop-rate arithmetic', () => {
  it('takes the middle value, or the mean of the middle two', () => {
    expect(medianOf([])).toBeNull();
    expect(medianOf([7])).toBe(7);
    expect(medianOf([9, 1, 5])).toBe(5);
    expect(medianOf([4, 1, 3, 10])).toBe(4); // (3 + 4) / 2 = 3.5, rounded
    expect(medianOf([1, 2])).toBe(2);
  });

  it('shares told over counted, and the median over the told only', () => {
    expect(shareOf([row('S-1', 2), row('S-1', null), row('S-1', 10), row('S-1', 4)])).toEqual({
      feedback: 4,
      told: 3,
      share: 0.75,
      medianMsToNotice: 4 * H,
    });
  });

  it('answers null, not 0 or NaN, where there is nothing to count', () => {
    expect(shareOf([])).toEqual({ feedback: 0, told: 0, share: null, medianMsToNotice: null });
    expect(shareOf([row('S-1', null)])).toEqual({
      feedback: 1,
      told: 0,
      share: 0,
      medianMsToNotice: null,
    });
  });

  it('does not count a notice sent before the feedback came as telling its author', () => {
    expect(shareOf([row('S-1', -1, 5)])).toMatchObject({ told: 0, share: 0 });
    expect(shareOf([row('S-1', 0, 5)])).toMatchObject({ told: 1, medianMsToNotice: 0 });
  });

  it('groups both shares by the same keys, those without a group last, and sums them overall', () => {
    const figures = loopRateFigures(
      [row('S-2', 1), row('S-1', null), row(null, 3)],
      [row('S-3', 24), row('S-1', 48)],
    );
    expect(figures.groups.map((g) => g.group)).toEqual(['S-1', 'S-2', 'S-3', null]);
    expect(figures.groups[0]).toEqual({
      group: 'S-1',
      resolution: { feedback: 1, told: 0, share: 0, medianMsToNotice: null },
      improvement: { feedback: 1, told: 1, share: 1, medianMsToNotice: 48 * H },
    });
    expect(figures.groups[2].resolution).toEqual({
      feedback: 0,
      told: 0,
      share: null,
      medianMsToNotice: null,
    });
    expect(figures.overall).toEqual({
      resolution: { feedback: 3, told: 2, share: 2 / 3, medianMsToNotice: 2 * H },
      improvement: { feedback: 2, told: 2, share: 1, medianMsToNotice: 36 * H },
    });
  });
});
