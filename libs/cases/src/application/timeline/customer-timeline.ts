import { CaseEvent } from '../../domain/case.events';
import { Actor } from '../../domain/case.types';
import { HEARD, TimelineLine } from './timeline-line';

// Staff act as Heard towards a customer: their ids are internal.
const actor = (by: Actor): string => (by.role === 'customer' ? `customer ${by.id}` : HEARD);

/**
 * The case as its customer may read it: only what was meant for them. Routing, notes, priority,
 * category and region changes, escalations, wait reasons and the internal resolution summary
 * are not theirs; a new event type stays hidden until it is listed here.
 */
export function describeForCustomer(event: CaseEvent): TimelineLine | null {
  switch (event.type) {
    case 'CaseOpened': {
      const d = event.data;
      return {
        who: HEARD,
        what: `opened the case for ${d.kind} ${d.feedbackIds[0]} (due ${d.sla.dueAt})`,
        why: `negative feedback gets a reaction within ${d.sla.targetHours} hours`,
      };
    }
    case 'FeedbackAttached':
      return { who: HEARD, what: `added feedback ${event.data.feedbackId} to the case`, why: null };
    case 'CaseAcknowledged':
      return { who: HEARD, what: 'acknowledged the case', why: null };
    case 'ReplySent':
      return {
        who: actor(event.data.by),
        what: event.data.fromCustomer ? 'replied' : 'replied to the customer',
        why: null,
        detail: event.data.text,
      };
    case 'AwaitingCustomer':
      return {
        who: HEARD,
        what: 'is waiting for the customer; the deadline clock is paused',
        why: null,
      };
    case 'CaseResumed':
      return {
        who: actor(event.data.by),
        what: `resumed the case; now due ${event.data.newDueAt}`,
        why: null,
      };
    case 'CaseResolved':
      return {
        who: HEARD,
        what: 'resolved the case',
        why: null,
        detail: event.data.customerMessage,
      };
    case 'CaseReopened': {
      const byCustomer = event.data.by.role === 'customer';
      return {
        who: actor(event.data.by),
        what: `reopened the case; now due ${event.data.newDueAt}`,
        // The customer's own words are theirs; a member of staff's reason is internal.
        why: byCustomer ? event.data.reason : null,
      };
    }
    case 'CaseClosed':
      return { who: HEARD, what: 'closed the case', why: null };
    case 'CaseAssigned':
    case 'CaseRegionChanged':
    case 'NoteAdded':
    case 'PriorityChanged':
    case 'CaseRecategorized':
    case 'CaseEscalated':
    case 'SlaApplied':
    case 'SlaRetargeted':
    case 'SlaWarned':
    case 'SlaBreached':
      return null;
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}
