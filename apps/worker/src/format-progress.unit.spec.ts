import { measureProgress } from '@heard/projections';
import { formatDuration, formatProgress, formatSummary } from './format-progress';

describe('rebuild output', () => {
  it('formats durations for humans', () => {
    expect(formatDuration(null)).toBe('--:--');
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(65_000)).toBe('1:05');
    expect(formatDuration(7_387_000)).toBe('2:03:07');
  });

  it('prints rate, position, done/total and ETA on one line', () => {
    const progress = measureProgress('stream-catalog', 45_000, 100_000, 45_123n, 3000);
    expect(formatProgress(progress)).toBe(
      'stream-catalog   45.0%  45,000/100,000 events  position 45123  15,000 ev/s  ETA 0:04',
    );
    expect(formatSummary(progress)).toBe(
      'stream-catalog rebuilt: 45,000 events to position 45123 in 3.0 s (15,000 ev/s)',
    );
  });
});
