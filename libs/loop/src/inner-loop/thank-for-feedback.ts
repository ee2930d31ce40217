import { getPreferences } from '@heard/customers';
import type { EventStore, RecordedEvent } from '@heard/event-store';
import { FeedbackReceived, FeedbackTriaged } from '@heard/feedback';
import { thankYouNoticeId } from '../notices/notice-id';
import { scheduleNotice } from '../notices/schedule-notice';
import { consentsToCaseUpdates, preferredChannel } from './case-updates-consent';
import { causedBy } from './loop-envelope';
import { isPositiveFeedback } from './positive-feedback';

/**
 * Positive feedback from a known customer who consented gets one thank-you, its id derived from
 * the feedback. Triage is appended with the submission, so the stream holds who sent it.
 */
export async function thankForFeedback(store: EventStore, event: RecordedEvent): Promise<void> {
  const triaged = event.data as FeedbackTriaged['data'];
  if (!isPositiveFeedback(triaged)) return;
  const [first] = await store.readStream(event.streamId, { limit: 1 });
  if (first?.type !== 'FeedbackReceived') return;
  const received = first.data as FeedbackReceived['data'];
  const customerId = received.customer.id;
  if (customerId === undefined) return;
  const preferences = await getPreferences(store, customerId);
  const withFeedback = { given: received.customer.consent, at: received.receivedAt };
  if (!consentsToCaseUpdates(preferences, withFeedback)) return;
  await scheduleNotice(
    store,
    {
      noticeId: thankYouNoticeId(triaged.feedbackId),
      kind: 'thank_you',
      recipient: { customerId },
      refs: { feedbackIds: [triaged.feedbackId] },
      channel: preferredChannel(preferences),
      notBefore: received.receivedAt,
      at: received.receivedAt,
    },
    causedBy(event),
  );
}
