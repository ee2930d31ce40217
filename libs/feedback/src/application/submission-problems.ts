import { Actor } from '@heard/kernel';
import { FeedbackSubmission, FieldError } from './feedback-submission';

/** Clocks of phones and tills drift; more than this ahead of ours is a wrong date, not drift. */
export const MAX_CLOCK_SKEW_MS = 5 * 60_000;

function occurredAtProblems(occurredAt: string | undefined, now: Date): FieldError[] {
  if (occurredAt == null) return [];
  const at = Date.parse(occurredAt);
  if (Number.isNaN(at)) {
    return [
      { field: 'occurredAt', rule: 'isIso8601', message: 'occurredAt must be an ISO 8601 time' },
    ];
  }
  if (at <= now.getTime() + MAX_CLOCK_SKEW_MS) return [];
  return [
    {
      field: 'occurredAt',
      rule: 'notInFuture',
      message: `occurredAt must not be more than 5 minutes after the time of receipt (${now.toISOString()})`,
    },
  ];
}

/**
 * Anonymous feedback (no customer id, e-mail or phone) is accepted, but nobody can be told
 * anything about it, so it may not claim consent to be contacted. A customer caller is never
 * anonymous: its id is the token's subject.
 */
function consentProblems(submission: FeedbackSubmission, caller: Actor): FieldError[] {
  const { id, email, phone, consent } = submission.customer;
  const reachable = caller.role === 'customer' || id != null || email != null || phone != null;
  if (reachable || consent !== true) return [];
  return [
    {
      field: 'customer.consent',
      rule: 'consentNeedsContact',
      message: 'customer.consent must be false for anonymous feedback (no id, email or phone)',
    },
  ];
}

/** Rules that need the caller or the time of receipt, which field validation at the edge has not. */
export function submissionProblems(
  submission: FeedbackSubmission,
  caller: Actor,
  now: Date,
): FieldError[] {
  return [
    ...occurredAtProblems(submission.occurredAt, now),
    ...consentProblems(submission, caller),
  ];
}
