import type { ActiveCase, CaseEvent } from '@heard/cases';
import type { NoticeRefs } from '../notices/notice.events';

/** The SLA events staff hear about, by e-mail through notice delivery. */
export const STAFF_ALERT_EVENT_TYPES = ['SlaWarned', 'SlaBreached', 'CaseEscalated'] as const;

export interface StaffAlert {
  readonly staffId: string;
  readonly refs: NoticeRefs;
}

/**
 * Who a warning, breach or escalation tells, and what about. A warning or breach tells the case's
 * owner at that moment (`state` is the case folded through the event); a case waiting in a
 * team's queue has no one to tell. An escalation tells whom it names, as new owner or as watcher.
 * The caller still checks that the person exists: an escalation may name a team or the CX admins.
 */
export function staffAlertsOf(
  event: CaseEvent,
  state: Pick<ActiveCase, 'caseId' | 'ownerId'>,
  caseEventId: string,
): StaffAlert[] {
  const about = { caseId: state.caseId, caseEventId };
  switch (event.type) {
    case 'SlaWarned':
    case 'SlaBreached':
      return state.ownerId === null
        ? []
        : [{ staffId: state.ownerId, refs: { ...about, slaTarget: event.data.target } }];
    case 'CaseEscalated': {
      const { to, level, missed } = event.data;
      const slaTarget = missed === undefined ? {} : { slaTarget: missed.target };
      return [{ staffId: to, refs: { ...about, ...slaTarget, escalationLevel: level } }];
    }
    default:
      return [];
  }
}
