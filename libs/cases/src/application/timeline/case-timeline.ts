import type { RecordedEvent } from '@heard/event-store';
import { CaseEvent } from '../../domain/case.events';
import { Actor, AssignedBy } from '../../domain/case.types';
import { describeForCustomer } from './customer-timeline';
import { describeSla } from './sla-timeline';
import { HEARD, TimelineLine } from './timeline-line';

/** One line of a case's history in human terms: who did what, when and why. */
export interface TimelineEntry {
  /** The case stream version this event produced. */
  readonly version: number;
  readonly type: CaseEvent['type'];
  readonly when: string;
  readonly who: string;
  readonly what: string;
  readonly why: string | null;
  /** The words written: a note, a reply, the message to the customer. */
  readonly detail: string | null;
  /** `who what: why`, ready to show. */
  readonly text: string;
}

/** Customers see only what was meant for them: see customer-timeline.ts. */
export type TimelineAudience = 'staff' | 'customer';

export { HEARD };

const person = (by: Actor): string => (by.role === 'customer' ? `customer ${by.id}` : by.id);
const assigner = (by: AssignedBy): string => (by.kind === 'person' ? by.personId : HEARD);

function describe(event: CaseEvent): TimelineLine {
  switch (event.type) {
    case 'CaseOpened': {
      const d = event.data;
      const store = d.storeId === null ? '' : `, store ${d.storeId}`;
      return {
        who: HEARD,
        what: `opened the case for ${d.kind} ${d.feedbackIds[0]} (channel ${d.channel}${store}, category ${d.category}, priority ${d.priority}, due ${d.sla.dueAt})`,
        why: `negative feedback gets a reaction within ${d.sla.targetHours} hours`,
      };
    }
    case 'FeedbackAttached':
      return {
        who: HEARD,
        what: `absorbed feedback ${event.data.feedbackId} from the same customer`,
        why: 'same customer, store and category as this open case',
      };
    case 'CaseAssigned': {
      const d = event.data;
      const what =
        d.ownerId !== null
          ? `assigned the case to ${d.ownerId}${d.teamId === null ? '' : ` in team ${d.teamId}`}`
          : `left the case unassigned${d.teamId === null ? '' : ` in the queue of team ${d.teamId}`}`;
      return { who: assigner(d.assignedBy), what, why: d.reason };
    }
    case 'CaseRegionChanged': {
      const region = (id: string | null) => (id === null ? 'no region' : `region ${id}`);
      return {
        who: HEARD,
        what: `moved the case from ${region(event.data.from)} to ${region(event.data.to)}`,
        why: event.data.reason,
      };
    }
    case 'CaseAcknowledged':
      return { who: person(event.data.by), what: 'acknowledged the case', why: null };
    case 'NoteAdded':
      return {
        who: person(event.data.by),
        what: 'added an internal note',
        why: null,
        detail: event.data.text,
      };
    case 'ReplySent':
      return {
        who: person(event.data.by),
        what: event.data.fromCustomer ? 'replied' : 'replied to the customer',
        why: null,
        detail: event.data.text,
      };
    case 'AwaitingCustomer':
      return {
        who: person(event.data.by),
        what: 'is waiting for the customer; the deadline clock is paused',
        why: event.data.reason,
      };
    case 'CaseResumed':
      return {
        who: person(event.data.by),
        what: `resumed the case; now due ${event.data.newDueAt}`,
        why: null,
      };
    case 'PriorityChanged':
      return {
        who: person(event.data.by),
        what: `changed the priority from ${event.data.from} to ${event.data.to}`,
        why: event.data.reason,
      };
    case 'CaseRecategorized':
      return {
        who: person(event.data.by),
        what: `moved the case from category ${event.data.from} to ${event.data.to}`,
        why: null,
      };
    case 'CaseEscalated': {
      const d = event.data;
      const as = d.mode === undefined ? '' : d.mode === 'owner' ? ', as owner' : ', as watcher';
      return {
        who: d.missed === undefined ? person(d.by) : HEARD,
        what: `escalated the case to ${d.to} (level ${d.level}${as})`,
        why: d.reason,
      };
    }
    case 'CaseResolved':
      return {
        who: person(event.data.by),
        what: `resolved the case (${event.data.code}): ${event.data.summary}`,
        why: null,
        detail: event.data.customerMessage,
      };
    case 'CaseReopened':
      return {
        who: person(event.data.by),
        what: `reopened the case; now due ${event.data.newDueAt}`,
        why: event.data.reason,
      };
    case 'CaseClosed':
      return { who: person(event.data.by), what: 'closed the case', why: null };
    case 'SlaApplied':
    case 'SlaRetargeted':
    case 'SlaWarned':
    case 'SlaBreached':
      return describeSla(event);
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}

/** The case stream, oldest first, told for `audience`. */
export function caseTimeline(
  history: readonly RecordedEvent[],
  audience: TimelineAudience,
): TimelineEntry[] {
  return history.flatMap((recorded) => {
    const event = { type: recorded.type, data: recorded.data } as CaseEvent;
    const line = audience === 'customer' ? describeForCustomer(event) : describe(event);
    if (line === null) return [];
    return [
      {
        version: recorded.streamVersion,
        type: event.type,
        when: event.data.at,
        who: line.who,
        what: line.what,
        why: line.why,
        detail: line.detail ?? null,
        text: `${line.who} ${line.what}${line.why === null ? '' : `: ${line.why}`}`,
      },
    ];
  });
}
