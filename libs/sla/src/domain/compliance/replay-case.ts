import { SlaCalendar, slaCycles } from '../sla-clock';
import { SlaFact } from '../sla-fact';
import { SlaPolicySet } from '../sla-policy';
import { MeasuredTarget, measureTargets } from './measured-target';

/**
 * Breaches and escalations are what the recorded policies made of the history, not what people
 * did: a replay under other policies leaves them out and lets the clock say what breaches.
 */
const isOutcome = (fact: SlaFact) => fact.type === 'breached' || fact.type === 'escalated';

/**
 * A case's recorded history counted under `policies`, as of `now`: a pure fold, so a what-if can
 * ask it of the published set and of a draft alike and compare like with like. Null without an opening.
 */
export function replayCase(
  facts: readonly SlaFact[],
  policies: SlaPolicySet,
  calendar: SlaCalendar,
  now: Date,
): ReplayedCase | null {
  const history = facts.filter((fact) => !isOutcome(fact));
  const folded = slaCycles(history, policies, calendar);
  if (folded === null) return null;
  return { policyId: folded.policyId, targets: measureTargets(folded, history, now.getTime()) };
}

export interface ReplayedCase {
  /** The policy the case counts under at the end of its history (a priority change moves it). */
  readonly policyId: string;
  readonly targets: readonly MeasuredTarget[];
}
