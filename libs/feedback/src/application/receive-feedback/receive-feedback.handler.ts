import { Clock, EventStore, handleCommand, uuidV7 } from '@heard/event-store';
import { Actor, DomainError } from '@heard/kernel';
import { feedbackDecider, feedbackStreamId } from '../../domain/feedback.decider';
import { sameFeedbackContent } from '../../domain/feedback.same-content';
import { feedbackIdFor, IdempotencyBasis, idempotencyBasis } from '../feedback-id';
import { FeedbackSubmission } from '../feedback-submission';
import { sourceOwnerOf } from '../source-owner';
import { submissionProblems } from '../submission-problems';
import { toReceiveFeedback } from './receive-feedback.command';

export interface ReceiveFeedbackDependencies {
  readonly store: EventStore;
  readonly clock: Clock;
}

export interface ReceiveFeedbackContext {
  /** The caller's Idempotency-Key; `index` marks one item of a keyed batch. */
  readonly idempotencyKey?: { readonly key: string; readonly index?: number } | null;
  readonly correlationId?: string | null;
}

export interface ReceiveFeedbackOutcome {
  readonly feedbackId: string;
  readonly status: 'accepted' | 'duplicate';
}

function keyReused(basis: IdempotencyBasis): DomainError {
  return basis.kind === 'owned-source' || basis.kind === 'source'
    ? new DomainError(
        'feedback.source_reused',
        `source ${basis.system}/${basis.externalId} was already received with different content`,
        'invalid',
        'source.externalId',
      )
    : new DomainError(
        'feedback.idempotency_key_reused',
        'Idempotency-Key reused with a different request',
        'invalid',
        'Idempotency-Key',
      );
}

/**
 * A pair stored before pairs were namespaced kept its un-namespaced id, and the caller's own retry
 * of it must still find it. Someone else's old pair (a squatted one) is not the caller's: ignored.
 */
async function ownPairStoredBefore(
  store: EventStore,
  basis: Extract<IdempotencyBasis, { kind: 'owned-source' }>,
  caller: Actor,
): Promise<IdempotencyBasis | null> {
  const legacy = { kind: 'source', system: basis.system, externalId: basis.externalId } as const;
  const [first] = await store.readStream(feedbackStreamId(feedbackIdFor(legacy)));
  return first !== undefined && first.actor === caller.id ? legacy : null;
}

async function basisOf(
  store: EventStore,
  submission: FeedbackSubmission,
  caller: Actor,
  idempotencyKey: ReceiveFeedbackContext['idempotencyKey'],
): Promise<IdempotencyBasis | null> {
  const { source: pair } = submission;
  const source = pair
    ? { owner: sourceOwnerOf(caller), system: pair.system, externalId: pair.externalId }
    : null;
  const basis = idempotencyBasis(source, caller.id, idempotencyKey ?? null);
  if (basis?.kind !== 'owned-source') return basis;
  return (await ownPairStoredBefore(store, basis, caller)) ?? basis;
}

/**
 * Records one submission as one atomic append. A keyed submission gets a deterministic id, so a
 * retry finds its stream and writes nothing (handleCommand re-reads after a lost race, and the
 * decider answers an existing stream with no events); the stored content is then compared, so
 * that a key reused for something else is refused instead of silently answered "duplicate".
 */
export async function receiveFeedback(
  deps: ReceiveFeedbackDependencies,
  submission: FeedbackSubmission,
  caller: Actor,
  context: ReceiveFeedbackContext = {},
): Promise<ReceiveFeedbackOutcome> {
  const now = deps.clock.now();
  const [problem] = submissionProblems(submission, caller, now);
  if (problem)
    throw new DomainError(`feedback.${problem.rule}`, problem.message, 'invalid', problem.field);
  const basis = await basisOf(deps.store, submission, caller, context.idempotencyKey);
  const feedbackId = basis ? feedbackIdFor(basis) : uuidV7(now);
  const command = toReceiveFeedback(submission, feedbackId, caller, now);
  const result = await handleCommand(
    deps.store,
    feedbackStreamId(feedbackId),
    feedbackDecider,
    command,
    {
      // Retries of a keyed submission are rare next to new ones; they find the stream on conflict.
      expectNew: basis?.kind !== 'source',
      envelope: () => ({
        occurredAt: now,
        actor: caller.id,
        correlationId: context.correlationId ?? null,
      }),
    },
  );
  if (result.events.length > 0) return { feedbackId, status: 'accepted' };
  const { type: _type, ...submitted } = command;
  const compareOccurredAt = submission.occurredAt != null;
  if (
    basis &&
    result.state.status === 'received' &&
    !sameFeedbackContent(result.state.received, submitted, { compareOccurredAt })
  ) {
    throw keyReused(basis);
  }
  return { feedbackId, status: 'duplicate' };
}
