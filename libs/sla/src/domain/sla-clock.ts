import { BusinessCalendar } from './calendar';
import { selectPolicy } from './select-policy';
import { SlaClock, SlaCounting, SlaRetargeting, SlaTargetClock } from './sla-clock-result';
import { SlaFact } from './sla-fact';
import {
  CaseFacts,
  SlaPolicy,
  SlaPolicySet,
  TARGET_KINDS,
  TargetKind,
  TargetSpec,
} from './sla-policy';
import {
  TargetCycle,
  breachedBy,
  endCycle,
  evaluateCycle,
  pauseCycle,
  resumeCycle,
  startCycle,
} from './target-cycle';

/** Where business targets count: the store's calendar, or (without one) 24x7 in its zone. */
export type SlaCalendar = BusinessCalendar | { readonly timeZone: string } | null;

interface Fold {
  readonly set: SlaPolicySet;
  readonly calendar: BusinessCalendar | null;
  facts: CaseFacts;
  policy: SlaPolicy;
  status: 'open' | 'paused' | 'resolved' | 'closed';
  responded: boolean;
  level: number;
  readonly cycles: TargetCycle[];
  readonly active: Map<TargetKind, TargetCycle>;
  readonly started: Map<TargetKind, number>;
  readonly retargeted: SlaRetargeting[];
}

/**
 * A case's SLA state from its history, the policy set version it opened under and its store's
 * calendar version: a pure fold, no clock. Without `now`, running targets breach only by a
 * `breached` fact and elapsed time is counted to the last fact; with `now`, to `now`, and a running
 * target past due is breached. Null until the history holds the opening.
 */
export function slaClock(
  history: readonly SlaFact[],
  policies: SlaPolicySet,
  calendar: SlaCalendar,
  now?: Date,
): SlaClock | null {
  const folded = foldHistory(history, policies, calendar);
  if (folded === null) return null;
  const nowMs = now === undefined ? null : now.getTime();
  const asOf = nowMs === null ? folded.lastAt : Math.max(folded.lastAt, nowMs);
  return result(folded.fold, asOf, nowMs, counting(calendar));
}

/** The fold's targets as it left them, in the order they started, in epoch ms. */
export interface SlaCycles {
  /** The policy the case counts under at the end of its history. */
  readonly policyId: string;
  /** The store's calendar business targets count in; null: every hour. */
  readonly calendar: BusinessCalendar | null;
  readonly cycles: readonly TargetCycle[];
}

/**
 * What slaClock folds, without formatting a clock: for callers that fold many cases and read
 * each target's outcome with `cycleOutcome` (compliance, what-if). Null until the opening.
 */
export function slaCycles(
  history: readonly SlaFact[],
  policies: SlaPolicySet,
  calendar: SlaCalendar,
): SlaCycles | null {
  const folded = foldHistory(history, policies, calendar);
  if (folded === null) return null;
  const { fold } = folded;
  return { policyId: fold.policy.policyId, calendar: fold.calendar, cycles: fold.cycles };
}

function foldHistory(
  history: readonly SlaFact[],
  policies: SlaPolicySet,
  calendar: SlaCalendar,
): { readonly fold: Fold; readonly lastAt: number } | null {
  const business = calendar !== null && 'week' in calendar ? calendar : null;
  let fold: Fold | null = null;
  let lastAt = -Infinity;
  for (const fact of history) {
    const at = Date.parse(fact.at);
    lastAt = Math.max(lastAt, at);
    if (fact.type === 'opened') fold ??= open(fact, at, policies, business);
    else if (fold !== null) apply(fold, fact, at);
  }
  return fold === null ? null : { fold, lastAt };
}

function open(
  fact: Extract<SlaFact, { type: 'opened' }>,
  at: number,
  set: SlaPolicySet,
  calendar: BusinessCalendar | null,
): Fold {
  const { type: _type, at: _at, ...facts } = fact;
  const policy = selectPolicy(set, facts);
  const fold: Fold = {
    set,
    calendar,
    facts,
    policy,
    status: 'open',
    responded: false,
    level: 0,
    cycles: [],
    active: new Map(),
    started: new Map(),
    retargeted: [],
  };
  const { firstResponse, nextUpdate, resolution } = policy.targets;
  if (firstResponse !== undefined) start(fold, 'firstResponse', firstResponse, at);
  // Without a first-response target, the wait for the first update is an update's wait.
  else if (nextUpdate !== undefined) start(fold, 'nextUpdate', nextUpdate, at);
  start(fold, 'resolution', resolution, at);
  return fold;
}

function apply(fold: Fold, fact: Exclude<SlaFact, { type: 'opened' }>, at: number): void {
  const working = fold.status === 'open' || fold.status === 'paused';
  switch (fact.type) {
    case 'acknowledged':
      if (working) respond(fold, at, false);
      return;
    case 'public_reply':
      if (working) respond(fold, at, true);
      return;
    case 'paused':
      if (fold.status !== 'open') return;
      fold.status = 'paused';
      for (const c of fold.active.values()) pauseCycle(c, at);
      return;
    case 'resumed':
      if (fold.status !== 'paused') return;
      fold.status = 'open';
      for (const c of fold.active.values()) resumeCycle(c, at);
      return;
    case 'priority_changed':
      if (working) retarget(fold, fact.to, at);
      return;
    case 'resolved':
      // The resolution's message to the customer answers and updates them as well.
      if (!working) return;
      endAll(fold, at);
      fold.status = 'resolved';
      return;
    case 'reopened': {
      if (fold.status !== 'resolved') return;
      fold.status = 'open';
      const { nextUpdate, resolution } = fold.policy.targets;
      if (nextUpdate !== undefined) start(fold, 'nextUpdate', nextUpdate, at);
      start(fold, 'resolution', resolution, at);
      return;
    }
    case 'closed':
      // A closed case owes nothing more (cases close once resolved, so this ends nothing there).
      endAll(fold, at);
      fold.status = 'closed';
      return;
    case 'breached': {
      const c = fold.active.get(fact.target);
      if (c === undefined || c.breachReported !== null) return;
      if (fact.cycle === undefined || fact.cycle === c.cycle) c.breachReported = at;
      return;
    }
    case 'escalated':
      escalate(fold, fact.level, at, working);
      return;
    default: {
      const unknown: never = fact;
      return unknown;
    }
  }
}

/** The first response is met once; each public reply ends one update's wait and starts the next. */
function respond(fold: Fold, at: number, publicReply: boolean): void {
  const first = fold.active.get('firstResponse');
  if (first !== undefined) finish(fold, first, at);
  fold.responded = true;
  const spec = fold.policy.targets.nextUpdate;
  const waiting = fold.active.get('nextUpdate');
  if (waiting !== undefined && publicReply) finish(fold, waiting, at);
  if (spec !== undefined && !fold.active.has('nextUpdate')) start(fold, 'nextUpdate', spec, at);
}

/**
 * A new priority may select another policy of the same set version. What moves: each running
 * target of the policy's own keeps its start, the time it counted and its pauses, and takes the new
 * policy's length and calendar kind, so its due time moves by the difference (a target already
 * past its new length is due, and breached, from the change on). Targets met or breached stay as
 * they were; an escalation level's target stays with the person who took over. A kind the new
 * policy lacks stops counting; one it adds starts at the change.
 */
function retarget(fold: Fold, priority: CaseFacts['priority'], at: number): void {
  fold.facts = { ...fold.facts, priority };
  const next = selectPolicy(fold.set, fold.facts);
  const dropped: TargetKind[] = [];
  for (const c of [...fold.active.values()]) {
    if (c.escalationLevel > 0) continue;
    const spec = next.targets[c.kind];
    if (spec === undefined) {
      fold.active.delete(c.kind);
      fold.cycles.splice(fold.cycles.indexOf(c), 1);
      dropped.push(c.kind);
    } else if (spec.duration !== c.spec.duration || spec.calendar !== c.spec.calendar) {
      c.spec = spec;
      c.retargetedAt = at;
    }
  }
  const { firstResponse, nextUpdate } = next.targets;
  if (firstResponse !== undefined && !fold.responded && !fold.active.has('firstResponse')) {
    start(fold, 'firstResponse', firstResponse, at);
  }
  const updatesDue = fold.responded || firstResponse === undefined;
  if (nextUpdate !== undefined && updatesDue && !fold.active.has('nextUpdate')) {
    start(fold, 'nextUpdate', nextUpdate, at);
  }
  fold.retargeted.push({
    at: new Date(at).toISOString(),
    priority,
    fromPolicyId: fold.policy.policyId,
    toPolicyId: next.policyId,
    dropped,
  });
  fold.policy = next;
}

/**
 * Levels only go up, so escalation never loops. A level reached after the resolution target
 * breached takes the case over with its own target, counted from the escalation; one reached
 * before (a person escalated early) leaves the running target as it is.
 */
function escalate(fold: Fold, level: number, at: number, working: boolean): void {
  if (level <= fold.level) return;
  fold.level = level;
  const spec = fold.policy.escalation[level - 1]?.target;
  const current = fold.active.get('resolution');
  if (!working || spec === undefined || current === undefined) return;
  if (!breachedBy(current, fold.calendar, at)) return;
  endCycle(current, at, false);
  fold.active.delete('resolution');
  start(fold, 'resolution', spec, at, level);
}

function start(fold: Fold, kind: TargetKind, spec: TargetSpec, at: number, level = 0): void {
  const cycle = (fold.started.get(kind) ?? 0) + 1;
  fold.started.set(kind, cycle);
  const c = startCycle(kind, cycle, level, spec, at, fold.status === 'paused');
  fold.cycles.push(c);
  fold.active.set(kind, c);
}

function finish(fold: Fold, c: TargetCycle, at: number): void {
  endCycle(c, at, true);
  fold.active.delete(c.kind);
}

function endAll(fold: Fold, at: number): void {
  for (const c of fold.active.values()) endCycle(c, at, true);
  fold.active.clear();
}

function result(fold: Fold, asOf: number, now: number | null, counts: SlaCounting): SlaClock {
  const evaluate = (c: TargetCycle): SlaTargetClock =>
    evaluateCycle(c, fold.calendar, fold.policy.warnAt, asOf, now);
  const latest = TARGET_KINDS.map((kind) => lastOfKind(fold.cycles, kind)).filter(
    (c): c is TargetCycle => c !== undefined,
  );
  const targets = latest.map(evaluate);
  const next = fold.policy.escalation[fold.level];
  const resolution = targets.find((t) => t.kind === 'resolution');
  const running = fold.active.has('resolution');
  return {
    policyId: fold.policy.policyId,
    policySetVersion: fold.set.version,
    counting: counts,
    asOf: Number.isFinite(asOf) ? new Date(asOf).toISOString() : null,
    targets,
    past: fold.cycles.filter((c) => !latest.includes(c)).map(evaluate),
    retargeted: fold.retargeted,
    escalation: {
      level: fold.level,
      next: next === undefined ? null : { ...next, level: fold.level + 1 },
      dueAt: next !== undefined && running ? (resolution?.dueAt ?? null) : null,
    },
  };
}

function lastOfKind(cycles: readonly TargetCycle[], kind: TargetKind): TargetCycle | undefined {
  for (let i = cycles.length - 1; i >= 0; i--) if (cycles[i].kind === kind) return cycles[i];
  return undefined;
}

function counting(calendar: SlaCalendar): SlaCounting {
  if (calendar !== null && 'week' in calendar) {
    const { calendarId, version, timeZone } = calendar;
    return { kind: 'calendar', calendarId, calendarVersion: version, timeZone };
  }
  const timeZone = calendar?.timeZone ?? 'UTC';
  return { kind: '24x7', timeZone, note: `24x7 in ${timeZone}` };
}
