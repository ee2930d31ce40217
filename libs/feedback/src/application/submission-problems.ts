import { FeedbackSubmission, FieldError } from './feedback-submission';

/** Clocks of phones and tills drift; more than this ahead of ours is a wrong date, not drift. */
export const MAX_CLOCK_SKEW_MS = 5 * 60_000;

/** Rules that need the time of receipt, which field validation at the edge does not have. */
export function submissionProblems(submission: FeedbackSubmission, now: Date): FieldError[] {
  if (submission.occurredAt === undefined) return [];
  const at = Date.parse(submission.occurredAt);
  if (Number.isNaN(at)) {
    return [
      { field: 'occurredAt', rule: 'isIso8601', message: 'occurredAt must be an ISO 8601 time' },
    ];
  }
  if (at > now.getTime() + MAX_CLOCK_SKEW_MS) {
    return [
      {
        field: 'occurredAt',
        rule: 'notInFuture',
        message: `occurredAt must not be more than 5 minutes after the time of receipt (${now.toISOString()})`,
      },
    ];
  }
  return [];
}
