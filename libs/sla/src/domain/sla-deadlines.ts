import { SlaClock } from './sla-clock-result';
import { TargetKind } from './sla-policy';

/** A moment a timer must act at; (target, cycle, kind) is unique per case, for deterministic ids. */
export interface SlaDeadline {
  readonly at: string;
  readonly kind: 'warn' | 'breach';
  readonly target: TargetKind;
  readonly cycle: number;
}

/**
 * The warnings and breaches still owed by the running targets of a clock read without `now`,
 * soonest first; those already past are owed at once. Paused targets owe nothing until resumed.
 */
export function slaDeadlines(clock: SlaClock): SlaDeadline[] {
  const deadlines: SlaDeadline[] = [];
  for (const t of clock.targets) {
    if (t.state !== 'running' || t.dueAt === null) continue;
    const { kind: target, cycle } = t;
    if (t.warnAt !== null && t.warnAt < t.dueAt) {
      deadlines.push({ at: t.warnAt, kind: 'warn', target, cycle });
    }
    deadlines.push({ at: t.dueAt, kind: 'breach', target, cycle });
  }
  return deadlines.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}
