import type { EventStore } from '@heard/event-store';
import { FeedbackReceived, feedbackStreamId } from '@heard/feedback';
import type { ConsentWithFeedback } from './case-updates-consent';

/** The latest consent given with any of these feedback items (a merged case has several). */
export async function consentWithFeedback(
  store: EventStore,
  feedbackIds: readonly string[],
): Promise<ConsentWithFeedback | null> {
  let latest: ConsentWithFeedback | null = null;
  for (const feedbackId of feedbackIds) {
    const [first] = await store.readStream(feedbackStreamId(feedbackId), { limit: 1 });
    if (first?.type !== 'FeedbackReceived') continue;
    const { customer, receivedAt } = first.data as FeedbackReceived['data'];
    if (!customer.consent) continue;
    if (latest === null || Date.parse(receivedAt) > Date.parse(latest.at))
      latest = { given: true, at: receivedAt };
  }
  return latest;
}
