import { sameJson } from '@heard/event-store';
import { FeedbackReceived } from './feedback.events';

type Received = FeedbackReceived['data'];

export interface SameContentOptions {
  /** False when the caller left occurredAt out, so each attempt defaulted it to its own receipt time. */
  readonly compareOccurredAt: boolean;
}

/**
 * Whether a second submission under the same idempotency key says the same thing as the stored one.
 * Receipt time and id are the server's, so they never count; neither does a defaulted occurredAt.
 */
export function sameFeedbackContent(
  stored: Received,
  submitted: Received,
  options: SameContentOptions,
): boolean {
  const content = ({ feedbackId: _id, receivedAt: _at, occurredAt, ...rest }: Received) =>
    options.compareOccurredAt ? { ...rest, occurredAt } : rest;
  return sameJson(content(stored), content(submitted));
}
