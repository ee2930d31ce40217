import type { CaseEvent } from '@heard/cases';
import { SlaFact } from './sla-fact';

/** The SLA facts of a case's events, in order; events that move no clock give none. */
export function slaFactsFromCaseEvents(events: readonly CaseEvent[]): SlaFact[] {
  const facts: SlaFact[] = [];
  for (const event of events) {
    const fact = slaFactOf(event);
    if (fact !== null) facts.push(fact);
  }
  return facts;
}

export function slaFactOf(event: CaseEvent): SlaFact | null {
  switch (event.type) {
    case 'CaseOpened': {
      const { at, priority, category, channel, kind, storeId, regionId } = event.data;
      return { type: 'opened', at, priority, category, channel, kind, storeId, regionId };
    }
    case 'CaseAcknowledged':
      return { type: 'acknowledged', at: event.data.at };
    case 'ReplySent':
      return event.data.fromCustomer ? null : { type: 'public_reply', at: event.data.at };
    case 'AwaitingCustomer':
      return { type: 'paused', at: event.data.at };
    // The case's own newDueAt is the old 24x7 arithmetic: the clock computes its own.
    case 'CaseResumed':
      return { type: 'resumed', at: event.data.at };
    case 'PriorityChanged':
      return { type: 'priority_changed', at: event.data.at, to: event.data.to };
    case 'CaseEscalated':
      return { type: 'escalated', at: event.data.at, level: event.data.level };
    case 'CaseResolved':
      return { type: 'resolved', at: event.data.at };
    case 'CaseReopened':
      return { type: 'reopened', at: event.data.at };
    case 'CaseClosed':
      return { type: 'closed', at: event.data.at };
    // The target breached when it was due; how late Heard noticed is the event's own business.
    case 'SlaBreached': {
      const { target, cycle, dueAt } = event.data;
      return { type: 'breached', at: dueAt, target, cycle };
    }
    // Warnings move no clock; the terms and re-targeting are the clock's own inputs already.
    // Policies are chosen when the case opens and again on a change of priority only.
    case 'SlaWarned':
    case 'SlaApplied':
    case 'SlaRetargeted':
    case 'CaseRecategorized':
    case 'CaseRegionChanged':
    case 'FeedbackAttached':
    case 'CaseAssigned':
    case 'NoteAdded':
      return null;
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}
