import { isoDurationSeconds, requireIsoDuration } from './iso-duration';

describe('ISO 8601 durations of SLA targets', () => {
  it.each([
    ['PT72H', 72 * 3600],
    ['PT4H', 4 * 3600],
    ['PT15M', 15 * 60],
    ['PT3S', 3],
    ['P2D', 2 * 86400],
    ['P1DT12H30M', 86400 + 12 * 3600 + 30 * 60],
  ])('reads %s as %d seconds', (duration, seconds) => {
    expect(isoDurationSeconds(duration)).toBe(seconds);
    expect(requireIsoDuration(duration, 'd')).toBe(duration);
  });

  it.each([
    'P1Y',
    'P1M',
    'P1W',
    'PT',
    'P',
    '',
    'pt4h',
    'PT1.5H',
    'PT-1H',
    'PT0S',
    'P367D',
    ' PT4H',
    '4h',
  ])('refuses %j', (duration) => {
    expect(() => requireIsoDuration(duration, 'targets.resolution.duration')).toThrow(
      expect.objectContaining({
        code: 'sla.invalid_duration',
        field: 'targets.resolution.duration',
      }),
    );
  });

  it('refuses what is not text', () => {
    expect(isoDurationSeconds(72)).toBeNull();
  });
});
