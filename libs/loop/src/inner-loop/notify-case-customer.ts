import { CaseEvent } from '@heard/cases';
import { getPreferences } from '@heard/customers';
import type { EventStore, RecordedEvent } from '@heard/event-store';
import { caseEventNoticeId } from '../notices/notice-id';
import { scheduleNotice } from '../notices/schedule-notice';
import { caseAt } from './case-at';
import { caseNoticeKindOf } from './case-notice-kind';
import { consentsToCaseUpdates, preferredChannel } from './case-updates-consent';
import { consentWithFeedback } from './consent-with-feedback';
import { causedBy } from './loop-envelope';

/**
 * An acknowledgement, a public reply or a resolution becomes one notice to the case's customer,
 * its id derived from the case event: a replay finds it scheduled and appends nothing. An
 * anonymous case, or a customer who has not consented to case updates, is told nothing.
 */
export async function notifyCaseCustomer(store: EventStore, event: RecordedEvent): Promise<void> {
  const caseEvent = { type: event.type, data: event.data } as CaseEvent;
  const kind = caseNoticeKindOf(caseEvent);
  if (kind === null) return;
  const state = await caseAt(store, event);
  if (state.status === 'none' || state.customerId === null) return;
  const preferences = await getPreferences(store, state.customerId);
  // Consent given with the case's feedback may not be in the preferences yet (another reactor
  // records it); read only when the preferences alone do not answer yes.
  const consented =
    consentsToCaseUpdates(preferences) ||
    consentsToCaseUpdates(preferences, await consentWithFeedback(store, state.feedbackIds));
  if (!consented) return;
  const at = (event.data as { readonly at: string }).at;
  await scheduleNotice(
    store,
    {
      noticeId: caseEventNoticeId(event.eventId),
      kind,
      recipient: { customerId: state.customerId },
      refs: { caseId: state.caseId, caseEventId: event.eventId },
      channel: preferredChannel(preferences),
      notBefore: at,
      at,
    },
    causedBy(event),
  );
}
