import { RecordedEvent } from '@heard/event-store';
import { SlaClock, SlaCounting, SlaTargetClock, TargetState } from '../../domain/sla-clock-result';
import { CalendarKind, TargetKind } from '../../domain/sla-policy';
import { caseSlaClock } from '../fire-timers/case-sla-clock';
import { SlaSources } from '../sla-sources';

export const SLA_STATES = ['ok', 'warning', 'breached'] as const;
export type SlaState = (typeof SLA_STATES)[number];

/** One target as staff read it: when it is due, what is left in its calendar, what was paused. */
export interface CaseSlaTargetView {
  readonly target: TargetKind;
  readonly cycle: number;
  readonly escalationLevel: number;
  readonly duration: string;
  readonly calendar: CalendarKind;
  readonly dueAt: string | null;
  readonly warnAt: string | null;
  readonly leftMs: number;
  readonly pausedMs: number;
  readonly state: TargetState;
}

export interface CaseSlaView {
  readonly policyId: string;
  readonly policySetVersion: number;
  readonly counting: SlaCounting;
  /** Null once nothing is owed (met, resolved, closed). */
  readonly state: SlaState | null;
  /** The soonest due time of a running target. */
  readonly nearestDueAt: string | null;
  readonly escalationLevel: number;
  readonly targets: readonly CaseSlaTargetView[];
}

const LIVE: ReadonlySet<TargetState> = new Set(['running', 'paused', 'breached']);

const targetView = (t: SlaTargetClock): CaseSlaTargetView => ({
  target: t.kind,
  cycle: t.cycle,
  escalationLevel: t.escalationLevel,
  duration: t.duration,
  calendar: t.calendar,
  dueAt: t.dueAt,
  warnAt: t.warnAt,
  leftMs: t.leftMs,
  pausedMs: t.pausedMs,
  state: t.state,
});

/** As of `now`: a target past its due time is breached even before the poller records it. */
export function slaStateAt(clock: SlaClock, now: Date): SlaState | null {
  if (!clock.targets.some((t) => LIVE.has(t.state))) return null;
  const missed = [...clock.targets, ...clock.past].some(
    (t) => t.breachedAt !== undefined && t.metAt === undefined,
  );
  if (missed || clock.targets.some((t) => t.state === 'breached')) return 'breached';
  const iso = now.toISOString();
  const warned = clock.targets.some(
    (t) => t.state === 'running' && t.warnAt !== null && t.warnAt <= iso,
  );
  return warned ? 'warning' : 'ok';
}

/** The SLA of a case from its stream, as of `now`; null before its terms are recorded. */
export async function caseSlaView(
  sources: SlaSources,
  history: readonly RecordedEvent[],
  now: Date,
): Promise<CaseSlaView | null> {
  const clock = await caseSlaClock(sources, history, now);
  if (clock === null) return null;
  const running = clock.targets.filter((t) => t.state === 'running' && t.dueAt !== null);
  return {
    policyId: clock.policyId,
    policySetVersion: clock.policySetVersion,
    counting: clock.counting,
    state: slaStateAt(clock, now),
    nearestDueAt: running.map((t) => t.dueAt as string).sort()[0] ?? null,
    escalationLevel: clock.escalation.level,
    targets: clock.targets.map(targetView),
  };
}
