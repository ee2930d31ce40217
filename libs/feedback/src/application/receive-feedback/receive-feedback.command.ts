import { Actor, DomainError } from '@heard/kernel';
import { ReceiveFeedback } from '../../domain/feedback.commands';
import { CustomerRef, PersonalData } from '../../domain/feedback.types';
import { FeedbackSubmission } from '../feedback-submission';

/** A customer submits as itself: its id comes from the token, never from the body. */
function customerOf(submission: FeedbackSubmission, caller: Actor): CustomerRef {
  const { id, consent } = submission.customer;
  if (caller.role !== 'customer') return id == null ? { consent } : { id, consent };
  if (id != null && id !== caller.id) {
    throw new DomainError(
      'feedback.customer_mismatch',
      'a customer submits feedback as itself: customer.id must be left out or equal the token subject',
      'forbidden',
      'customer.id',
    );
  }
  return { id: caller.id, consent };
}

/** Only the fields given (JSON null counts as not given), so no stored key stands for "nothing". */
function personalOf(submission: FeedbackSubmission): PersonalData {
  const { name, email, phone } = submission.customer;
  const entries = Object.entries({ name, email, phone, text: submission.text });
  return Object.fromEntries(entries.filter(([, value]) => value != null));
}

/** The domain command for a checked submission: plain JSON, times normalised to UTC. */
export function toReceiveFeedback(
  submission: FeedbackSubmission,
  feedbackId: string,
  caller: Actor,
  now: Date,
): ReceiveFeedback {
  const receivedAt = now.toISOString();
  return {
    type: 'ReceiveFeedback',
    feedbackId,
    kind: submission.kind,
    channel: submission.channel,
    storeId: submission.storeId ?? null,
    customer: customerOf(submission, caller),
    personal: personalOf(submission),
    category: submission.category ?? null,
    rating: submission.rating ?? null,
    nps: submission.nps ?? null,
    factors: (submission.factors ?? []).map(({ factor, score }) => ({ factor, score })),
    language: submission.language ?? null,
    occurredAt:
      submission.occurredAt == null ? receivedAt : new Date(submission.occurredAt).toISOString(),
    receivedAt,
    source: submission.source
      ? { system: submission.source.system, externalId: submission.source.externalId }
      : null,
  };
}
