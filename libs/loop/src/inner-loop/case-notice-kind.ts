import type { CaseEvent } from '@heard/cases';
import type { NoticeKind } from '../notices/notice.events';

/** The case events a customer hears about: the ones written for them, never internal notes. */
export const CUSTOMER_CASE_EVENT_TYPES = ['CaseAcknowledged', 'ReplySent', 'CaseResolved'] as const;

/**
 * Which notice a case event owes its customer, or null. A reply the customer sent themselves is
 * theirs already; notes (NoteAdded) are internal and never reach them.
 */
export function caseNoticeKindOf(event: CaseEvent): NoticeKind | null {
  switch (event.type) {
    case 'CaseAcknowledged':
      return 'case_acknowledged';
    case 'ReplySent':
      return event.data.fromCustomer ? null : 'case_reply';
    case 'CaseResolved':
      return 'case_resolved';
    default:
      return null;
  }
}
