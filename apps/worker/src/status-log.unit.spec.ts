import { FixedClock } from '@heard/event-store/testing';
import { RunnerStatus } from '@heard/projections';
import { statusLog } from './status-log';

const status = (
  checkpoint: bigint,
  live: boolean,
  more: Partial<RunnerStatus> = {},
): RunnerStatus => ({
  name: 'stream-catalog',
  kind: 'projection',
  state: 'running',
  checkpoint,
  live,
  error: null,
  failures: 0,
  lastError: null,
  lastErrorAt: null,
  nextRetryAt: null,
  ...more,
});

describe('worker status log', () => {
  it('logs catching up at most every interval, then once when live', () => {
    const clock = new FixedClock();
    const lines: string[] = [];
    const sample = statusLog(clock, (line) => lines.push(line), 5000);
    sample([status(10n, false)]);
    clock.advance(1000);
    sample([status(20n, false)]);
    clock.advance(4000);
    sample([status(30n, false)]);
    sample([status(40n, true)]);
    clock.advance(60_000);
    sample([status(50n, true)]);
    sample([status(60n, false)]);
    expect(lines).toEqual([
      'stream-catalog: catching up, at position 10',
      'stream-catalog: catching up, at position 30',
      'stream-catalog: live at position 40',
      'stream-catalog: catching up, at position 60',
    ]);
  });

  it('says once when a runner got past its failures', () => {
    const lines: string[] = [];
    const sample = statusLog(new FixedClock(), (line) => lines.push(line));
    sample([status(10n, true)]);
    sample([status(10n, false, { state: 'retrying', failures: 1 })]);
    sample([status(10n, false, { state: 'retrying', failures: 2 })]);
    sample([status(11n, true, { failures: 2 })]);
    sample([status(12n, true, { failures: 2 })]);
    expect(lines).toEqual([
      'stream-catalog: live at position 10',
      'stream-catalog: running again after 2 failure(s) in all',
    ]);
  });
});
