import { slaAlertKey } from '@heard/cases';
import { SlaCalendar, slaClock } from '../../domain/sla-clock';
import { SlaClock } from '../../domain/sla-clock-result';
import { SlaDeadline, slaDeadlines } from '../../domain/sla-deadlines';
import { SlaPolicySet } from '../../domain/sla-policy';
import { SlaState } from '../../application/case-sla-view/case-sla-view';
import { SlaCaseRecord } from './sla-case-record';

export interface SlaCaseCount {
  readonly clock: SlaClock | null;
  readonly nearestDueAt: string | null;
  readonly slaState: SlaState | null;
  /** The warnings and breaches still owed, each once: those recorded are no timer any more. */
  readonly timers: readonly SlaDeadline[];
}

const NOTHING: SlaCaseCount = { clock: null, nearestDueAt: null, slaState: null, timers: [] };

/** The clock of a case as of its last fact, and what its timers and lists need of it. */
export function countSlaCase(
  record: SlaCaseRecord,
  set: SlaPolicySet,
  calendar: SlaCalendar,
): SlaCaseCount {
  const clock = slaClock(record.facts, set, calendar);
  if (clock === null) return NOTHING;
  const running = clock.targets.filter((t) => t.state === 'running' && t.dueAt !== null);
  const nearestDueAt = running.map((t) => t.dueAt as string).sort()[0] ?? null;
  const timers = slaDeadlines(clock).filter(
    (d) => !record.alerts.includes(slaAlertKey(d.kind, d.target, d.cycle)),
  );
  return { clock, nearestDueAt, slaState: slaStateOf(clock, record.alerts), timers };
}

const LIVE: ReadonlySet<string> = new Set(['running', 'paused', 'breached']);

/**
 * Null once nothing is owed (met, resolved, closed); breached while a missed target is not made
 * good (one handed on to an escalation level is missed still); warning once a target counting
 * warned; ok otherwise.
 */
function slaStateOf(clock: SlaClock, alerts: readonly string[]): SlaState | null {
  if (!clock.targets.some((t) => LIVE.has(t.state))) return null;
  const missed = [...clock.targets, ...clock.past].some(
    (t) => t.breachedAt !== undefined && t.metAt === undefined,
  );
  if (missed) return 'breached';
  const warned = clock.targets.some(
    (t) => LIVE.has(t.state) && alerts.includes(slaAlertKey('warn', t.kind, t.cycle)),
  );
  return warned ? 'warning' : 'ok';
}
