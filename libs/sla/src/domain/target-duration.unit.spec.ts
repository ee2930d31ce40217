import { isDurationError, parseTargetDuration, targetDurationMs } from './target-duration';

const H = 3600_000;

describe('target durations', () => {
  it.each([
    ['PT72H', 72 * H],
    ['PT4H', 4 * H],
    ['PT15M', 15 * 60_000],
    ['PT3S', 3000],
    ['PT0.5S', 500],
    ['PT1,25S', 1250],
    ['P2D', 48 * H],
    ['P1DT12H30M5S', 36.5 * H + 5000],
    ['PT90M', 90 * 60_000],
  ])('reads %s as milliseconds of counted time', (text, ms) => {
    expect(parseTargetDuration(text)).toBe(ms);
  });

  it.each([
    ['P1Y', 'years and months have no fixed length'],
    ['P1M', 'years and months have no fixed length'],
    ['P1MT2H', 'years and months have no fixed length'],
    ['P2W', 'weeks are not accepted'],
    ['-PT4H', 'must not be negative'],
    ['PT1.5H', 'only seconds may have a fraction'],
    ['PT0.0001S', 'at most three decimals'],
    ['PT0S', 'longer than zero'],
    ['P367D', 'at most P366D'],
    ['P', 'ISO 8601 duration'],
    ['PT', 'ISO 8601 duration'],
    ['P1DT', 'ISO 8601 duration'],
    ['pt4h', 'ISO 8601 duration'],
    ['PT4H ', 'ISO 8601 duration'],
    ['PT30M4H', 'ISO 8601 duration'],
    ['4 hours', 'ISO 8601 duration'],
    ['', 'ISO 8601 duration'],
  ])('refuses %j with a reason', (text, reason) => {
    const parsed = parseTargetDuration(text);
    expect(isDurationError(parsed) && parsed.error).toContain(reason);
  });

  it('refuses what is not text', () => {
    expect(parseTargetDuration(72)).toEqual({ error: expect.stringContaining('PT72H') });
  });

  it('throws for a duration that should have been validated before', () => {
    expect(targetDurationMs('PT2H')).toBe(2 * H);
    expect(() => targetDurationMs('P1M')).toThrow(/P1M: years and months/);
  });
});
