import { Actor, DomainError } from '@heard/kernel';
import { FeedbackSubmission, FieldError } from '../feedback-submission';
import {
  receiveFeedback,
  ReceiveFeedbackDependencies,
} from '../receive-feedback/receive-feedback.handler';
import { submissionProblems } from '../submission-problems';
import { mapBounded } from './map-bounded';

/** Larger batches are refused whole; one item is one event-store append, so this bounds a request. */
export const MAX_BATCH_ITEMS = 10_000;

/** Enough appends in flight for the event store's group commit to fill its batches. */
export const BATCH_CONCURRENCY = 32;

/** An item as the edge checked it: a submission, or why it is not one. */
export type BatchItem =
  { readonly submission: FeedbackSubmission } | { readonly errors: readonly FieldError[] };

export type BatchItemResult =
  | {
      readonly index: number;
      readonly status: 'accepted' | 'duplicate';
      readonly feedbackId: string;
    }
  | { readonly index: number; readonly status: 'rejected'; readonly errors: readonly FieldError[] };

export interface ReceiveBatchContext {
  readonly idempotencyKey?: string | null;
  readonly correlationId?: string | null;
}

/**
 * Receives each item on its own: an item is accepted, a duplicate, or rejected with its reasons,
 * and never half-applied. A domain refusal rejects only its item; anything else (the store is
 * down) fails the request, and a retry is safe for keyed items.
 */
export function receiveBatch(
  deps: ReceiveFeedbackDependencies,
  items: readonly BatchItem[],
  caller: Actor,
  context: ReceiveBatchContext = {},
): Promise<BatchItemResult[]> {
  return mapBounded(items, BATCH_CONCURRENCY, async (item, index): Promise<BatchItemResult> => {
    if ('errors' in item) return { index, status: 'rejected', errors: item.errors };
    const problems = submissionProblems(item.submission, caller, deps.clock.now());
    if (problems.length > 0) return { index, status: 'rejected', errors: problems };
    try {
      const outcome = await receiveFeedback(deps, item.submission, caller, {
        idempotencyKey: context.idempotencyKey ? { key: context.idempotencyKey, index } : null,
        correlationId: context.correlationId,
      });
      return { index, ...outcome };
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const errors = [{ field: error.field ?? '', rule: error.code, message: error.message }];
      return { index, status: 'rejected', errors };
    }
  });
}
