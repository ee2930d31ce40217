import {
  ComplianceGroupKeys,
  ComplianceTarget,
  complianceFigures,
  missedBy,
} from './compliance-figures';
import { percentilesOf } from './percentiles';

const H = 3_600_000;
const groups = (store: string | null, owner: string | null = 'M-1'): ComplianceGroupKeys => ({
  store,
  region: 'R-1',
  team: null,
  owner,
  policy: 'standard',
});
const target = (over: Partial<ComplianceTarget>): ComplianceTarget => ({
  kind: 'resolution',
  cycle: 1,
  dueAt: 10 * H,
  state: 'met',
  doneAt: 5 * H,
  businessMs: 2 * H,
  wallClockMs: 5 * H,
  groups: groups('S-1'),
  ...over,
});

describe('percentiles (nearest rank)', () => {
  it('given no sample, when asked, then there are none', () => {
    expect(percentilesOf([])).toEqual({ median: null, p90: null });
  });

  it('given one value, when asked, then it is the median and the p90', () => {
    expect(percentilesOf([7])).toEqual({ median: 7, p90: 7 });
  });

  it('given ten values in any order, when asked, then the median is the 5th and the p90 the 9th', () => {
    expect(percentilesOf([10, 1, 9, 2, 8, 3, 7, 4, 6, 5])).toEqual({ median: 5, p90: 9 });
  });

  it('given eleven values, when asked, then the median is the 6th and the p90 the 10th', () => {
    const values = Array.from({ length: 11 }, (_, i) => (i + 1) * 100);
    expect(percentilesOf(values)).toEqual({ median: 600, p90: 1000 });
  });
});

describe('compliance figures', () => {
  const now = 100 * H;

  it('given met, breached and overdue targets, when counted, then a running target past due is missed and one not yet due is neither', () => {
    const [figures] = complianceFigures(
      [
        target({ state: 'met' }),
        target({ state: 'breached', doneAt: 20 * H, wallClockMs: 20 * H, businessMs: 9 * H }),
        target({
          state: 'running',
          dueAt: 50 * H,
          doneAt: null,
          businessMs: null,
          wallClockMs: null,
        }),
        target({
          state: 'running',
          dueAt: 200 * H,
          doneAt: null,
          businessMs: null,
          wallClockMs: null,
        }),
      ],
      'store',
      now,
    );
    expect(figures.key).toBe('S-1');
    expect(figures.targets.resolution).toEqual({
      due: 4,
      met: 1,
      breached: 2,
      shareMet: 1 / 3,
      measured: 2,
      businessMs: { median: 2 * H, p90: 9 * H },
      wallClockMs: { median: 5 * H, p90: 20 * H },
    });
  });

  it('given targets of several kinds, when counted, then each kind has its own figures and a kind without targets has none', () => {
    const [figures] = complianceFigures(
      [
        target({ kind: 'firstResponse', businessMs: 10 * 60_000, wallClockMs: 15 * 60_000 }),
        target({ kind: 'resolution' }),
      ],
      'store',
      now,
    );
    expect(figures.targets.firstResponse).toMatchObject({
      due: 1,
      met: 1,
      businessMs: { median: 10 * 60_000 },
      wallClockMs: { median: 15 * 60_000 },
    });
    expect(figures.targets.nextUpdate).toEqual({
      due: 0,
      met: 0,
      breached: 0,
      shareMet: null,
      measured: 0,
      businessMs: { median: null, p90: null },
      wallClockMs: { median: null, p90: null },
    });
  });

  it('given cases of several stores and none, when grouped by store, then groups come in key order with the storeless last', () => {
    const figures = complianceFigures(
      [
        target({ groups: groups('S-2') }),
        target({ groups: groups(null) }),
        target({ groups: groups('S-1') }),
        target({ groups: groups('S-2'), state: 'breached' }),
      ],
      'store',
      now,
    );
    expect(figures.map((g) => [g.key, g.targets.resolution.due])).toEqual([
      ['S-1', 1],
      ['S-2', 2],
      [null, 1],
    ]);
  });

  it('given the same targets, when grouped by owner instead, then the groups are the owners', () => {
    const figures = complianceFigures(
      [target({ groups: groups('S-1', 'M-2') }), target({ groups: groups('S-2', 'M-2') })],
      'owner',
      now,
    );
    expect(figures.map((g) => [g.key, g.targets.resolution.met])).toEqual([['M-2', 2]]);
  });

  it('given a paused target past due, when asked whether it was missed, then it was; before its due time it was not', () => {
    expect(missedBy(target({ state: 'paused', dueAt: 10 * H }), 11 * H)).toBe(true);
    expect(missedBy(target({ state: 'paused', dueAt: 10 * H }), 9 * H)).toBe(false);
    expect(missedBy(target({ state: 'paused', dueAt: null }), 11 * H)).toBe(false);
  });
});
