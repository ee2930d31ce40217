import { addBusinessMs, businessMsBetween } from './business-time';
import { BusinessCalendar } from './calendar';
import { SlaTargetClock, TargetState } from './sla-clock-result';
import { TargetKind, TargetSpec } from './sla-policy';
import { targetDurationMs } from './target-duration';

/** One target while the clock folds the facts: spans of running and of waiting, in epoch ms. */
export interface TargetCycle {
  readonly kind: TargetKind;
  readonly cycle: number;
  readonly escalationLevel: number;
  spec: TargetSpec;
  readonly startedAt: number;
  readonly runs: [number, number][];
  runningSince: number | null;
  readonly pauses: [number, number][];
  pausedSince: number | null;
  retargetedAt: number | null;
  breachReported: number | null;
  metAt: number | null;
  endedAt: number | null;
}

export function startCycle(
  kind: TargetKind,
  cycle: number,
  escalationLevel: number,
  spec: TargetSpec,
  at: number,
  paused: boolean,
): TargetCycle {
  return {
    kind,
    cycle,
    escalationLevel,
    spec,
    startedAt: at,
    runs: [],
    runningSince: paused ? null : at,
    pauses: [],
    pausedSince: paused ? at : null,
    retargetedAt: null,
    breachReported: null,
    metAt: null,
    endedAt: null,
  };
}

export function pauseCycle(c: TargetCycle, at: number): void {
  if (c.runningSince === null) return;
  c.runs.push([c.runningSince, at]);
  c.runningSince = null;
  c.pausedSince = at;
}

export function resumeCycle(c: TargetCycle, at: number): void {
  if (c.pausedSince === null) return;
  c.pauses.push([c.pausedSince, at]);
  c.pausedSince = null;
  c.runningSince = at;
}

export function endCycle(c: TargetCycle, at: number, met: boolean): void {
  if (c.runningSince !== null) c.runs.push([c.runningSince, at]);
  if (c.pausedSince !== null) c.pauses.push([c.pausedSince, at]);
  c.runningSince = null;
  c.pausedSince = null;
  c.endedAt = at;
  if (met) c.metAt = at;
}

/** Whether the target had run out by `at`, by a reported breach or by its own count. */
export function breachedBy(c: TargetCycle, calendar: BusinessCalendar | null, at: number): boolean {
  if (c.breachReported !== null && c.breachReported <= at) return true;
  const due = crossing(c, counting(c, calendar), targetDurationMs(c.spec.duration), true);
  return due !== null && due <= at;
}

/**
 * The target as of `asOf`. Without `now`, a running target breaches only by a reported breach; a
 * finished one that finished after its due time has breached either way.
 */
export function evaluateCycle(
  c: TargetCycle,
  calendar: BusinessCalendar | null,
  warnShare: number,
  asOf: number,
  now: number | null,
): SlaTargetClock {
  const counts = counting(c, calendar);
  const durationMs = targetDurationMs(c.spec.duration);
  const end = c.endedAt ?? asOf;
  const elapsedMs = total(counts, c.runs, c.runningSince, end);
  const pausedMs = total(counts, c.pauses, c.pausedSince, end);
  const runsOn = c.endedAt !== null || c.runningSince !== null;
  // A raised priority can shorten a target to before the change: it is due from the change on.
  const dueAt = notBefore(crossing(c, counts, durationMs, runsOn), c.retargetedAt);
  const warnAt = notBefore(
    crossing(c, counts, Math.round(durationMs * warnShare), runsOn),
    c.retargetedAt,
  );
  const breachedAt = c.breachReported ?? breachSeen(c, dueAt, now);
  const state = stateOf(c, breachedAt);
  return {
    kind: c.kind,
    cycle: c.cycle,
    escalationLevel: c.escalationLevel,
    duration: c.spec.duration,
    calendar: c.spec.calendar,
    startedAt: iso(c.startedAt),
    dueAt: dueAt === null ? null : iso(dueAt),
    warnAt: warnAt === null ? null : iso(warnAt),
    elapsedMs,
    leftMs: durationMs - elapsedMs,
    pausedMs,
    state,
    ...(c.metAt === null ? {} : { metAt: iso(c.metAt) }),
    ...(breachedAt === null ? {} : { breachedAt: iso(breachedAt) }),
    ...(c.endedAt === null ? {} : { endedAt: iso(c.endedAt) }),
  };
}

/** What a target came to, in epoch ms: evaluateCycle's due time and state, for folds of many cases. */
export interface CycleOutcome {
  readonly dueAt: number | null;
  readonly state: TargetState;
}

export function cycleOutcome(
  c: TargetCycle,
  calendar: BusinessCalendar | null,
  now: number | null,
): CycleOutcome {
  const runsOn = c.endedAt !== null || c.runningSince !== null;
  const durationMs = targetDurationMs(c.spec.duration);
  const dueAt = notBefore(crossing(c, counting(c, calendar), durationMs, runsOn), c.retargetedAt);
  return { dueAt, state: stateOf(c, c.breachReported ?? breachSeen(c, dueAt, now)) };
}

function stateOf(c: TargetCycle, breachedAt: number | null): TargetState {
  if (breachedAt !== null) return 'breached';
  if (c.metAt !== null) return 'met';
  return c.runningSince === null && c.endedAt === null ? 'paused' : 'running';
}

function breachSeen(c: TargetCycle, dueAt: number | null, now: number | null): number | null {
  if (dueAt === null) return null;
  if (c.endedAt !== null) return (c.metAt ?? Infinity) > dueAt && c.endedAt >= dueAt ? dueAt : null;
  return now !== null && dueAt <= now ? dueAt : null;
}

interface Counting {
  readonly count: (from: number, to: number) => number;
  readonly add: (from: number, ms: number) => number;
}

/** Business targets count the calendar's open time; 24x7 ones (and stores without one) all time. */
function counting(c: TargetCycle, calendar: BusinessCalendar | null): Counting {
  const cal = c.spec.calendar === 'business' ? calendar : null;
  return {
    count: (from, to) => businessMsBetween(cal, from, to),
    add: (from, ms) => addBusinessMs(cal, from, ms),
  };
}

function total(
  counts: Counting,
  spans: readonly [number, number][],
  openSince: number | null,
  end: number,
): number {
  let sum = 0;
  for (const [from, to] of spans) sum += counts.count(from, to);
  return openSince === null ? sum : sum + counts.count(openSince, Math.max(end, openSince));
}

/**
 * The instant `amount` of counted time is reached: within the spans run so far, or, when the
 * target runs on (or has ended, to say when it would have been due), after the last of them.
 */
function crossing(
  c: TargetCycle,
  counts: Counting,
  amount: number,
  runsOn: boolean,
): number | null {
  let counted = 0;
  for (const [from, to] of c.runs) {
    const span = counts.count(from, to);
    if (counted + span >= amount) return counts.add(from, amount - counted);
    counted += span;
  }
  const tail = runsOn ? (c.runningSince ?? c.endedAt) : null;
  return tail === null ? null : counts.add(tail, amount - counted);
}

const notBefore = (instant: number | null, floor: number | null): number | null =>
  instant === null || floor === null ? instant : Math.max(instant, floor);

const iso = (ms: number) => new Date(ms).toISOString();
