import { TARGET_KINDS, TargetKind } from '../sla-policy';
import { MeasuredTarget } from './measured-target';
import { Percentiles, percentilesOf } from './percentiles';

export const COMPLIANCE_GROUP_BY = ['store', 'region', 'team', 'owner', 'policy'] as const;
export type ComplianceGroupBy = (typeof COMPLIANCE_GROUP_BY)[number];

/** What a case is grouped by: its store and region, its current team and owner, its policy. */
export type ComplianceGroupKeys = { readonly [K in ComplianceGroupBy]: string | null };

export type ComplianceTarget = MeasuredTarget & { readonly groups: ComplianceGroupKeys };

export interface TargetFigures {
  /** Targets in the selection: due in the period, or of the cases opened in it. */
  readonly due: number;
  readonly met: number;
  /** Missed: breached, or still open past the due time as of `now`. */
  readonly breached: number;
  /** met / (met + breached); null while none of them is decided. */
  readonly shareMet: number | null;
  /** Targets whose ask happened (late ones too): what the times are counted over. */
  readonly measured: number;
  readonly businessMs: Percentiles;
  readonly wallClockMs: Percentiles;
}

export interface ComplianceGroup {
  /** The store, region, team, owner or policy id; null for cases without one. */
  readonly key: string | null;
  readonly targets: { readonly [K in TargetKind]: TargetFigures };
}

interface Tally {
  due: number;
  met: number;
  breached: number;
  readonly business: number[];
  readonly wallClock: number[];
}

/** Whether the target was missed as of `now`: a running one past its due time is. */
export function missedBy(target: MeasuredTarget, now: number): boolean {
  if (target.state === 'breached') return true;
  if (target.state === 'met') return false;
  return target.dueAt !== null && target.dueAt <= now;
}

/**
 * Per group and target kind, the counts and the times of the targets given; groups in key order
 * (cases without one last). Pure: the selection (due in a period, cases opened in it) is the
 * caller's.
 */
export function complianceFigures(
  targets: Iterable<ComplianceTarget>,
  groupBy: ComplianceGroupBy,
  now: number,
): ComplianceGroup[] {
  const tally = new ComplianceTally(groupBy, now);
  for (const target of targets) tally.add(target, target.groups);
  return tally.groups();
}

/** complianceFigures one target at a time, for callers that fold many cases and keep none. */
export class ComplianceTally {
  private readonly byKey = new Map<string | null, Map<TargetKind, Tally>>();

  constructor(
    private readonly groupBy: ComplianceGroupBy,
    private readonly now: number,
  ) {}

  add(target: MeasuredTarget, groups: ComplianceGroupKeys): void {
    const key = groups[this.groupBy];
    let kinds = this.byKey.get(key);
    if (kinds === undefined) this.byKey.set(key, (kinds = new Map()));
    let tally = kinds.get(target.kind);
    if (tally === undefined) {
      tally = { due: 0, met: 0, breached: 0, business: [], wallClock: [] };
      kinds.set(target.kind, tally);
    }
    tally.due++;
    if (target.state === 'met') tally.met++;
    else if (missedBy(target, this.now)) tally.breached++;
    if (target.businessMs !== null) tally.business.push(target.businessMs);
    if (target.wallClockMs !== null) tally.wallClock.push(target.wallClockMs);
  }

  groups(): ComplianceGroup[] {
    return [...this.byKey.entries()]
      .sort(([a], [b]) => byKey(a, b))
      .map(([key, kinds]) => ({
        key,
        targets: Object.fromEntries(
          TARGET_KINDS.map((kind) => [kind, figuresOf(kinds.get(kind))]),
        ) as ComplianceGroup['targets'],
      }));
  }
}

function figuresOf(tally: Tally | undefined): TargetFigures {
  if (tally === undefined) {
    const none = { median: null, p90: null };
    return {
      due: 0,
      met: 0,
      breached: 0,
      shareMet: null,
      measured: 0,
      businessMs: none,
      wallClockMs: none,
    };
  }
  const decided = tally.met + tally.breached;
  return {
    due: tally.due,
    met: tally.met,
    breached: tally.breached,
    shareMet: decided === 0 ? null : tally.met / decided,
    measured: tally.wallClock.length,
    businessMs: percentilesOf(tally.business),
    wallClockMs: percentilesOf(tally.wallClock),
  };
}

const byKey = (a: string | null, b: string | null): number =>
  a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1;
