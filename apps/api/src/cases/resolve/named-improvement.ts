import { EventStore } from '@heard/event-store';
import { DomainError } from '@heard/kernel';
import { loadImprovement } from '@heard/loop/subscriptions';

/**
 * An improvement a resolution may name: one that exists and is not cancelled. Whoever resolves
 * the case may name any (an agent sees no improvements, yet knows which fix helped); the link
 * itself is made by the loop from the recorded CaseResolved.
 */
export async function requireNamedImprovement(
  store: EventStore,
  improvementId: string,
): Promise<void> {
  let status: string;
  try {
    status = (await loadImprovement(store, improvementId, { kind: 'everything' })).state.status;
  } catch (error) {
    if (error instanceof DomainError && error.kind === 'not_found')
      throw new DomainError(
        'case.improvement_unknown',
        `improvementId: there is no improvement ${improvementId}`,
        'invalid',
        'improvementId',
      );
    throw error;
  }
  if (status === 'cancelled')
    throw new DomainError(
      'case.improvement_cancelled',
      `improvementId: improvement ${improvementId} was cancelled`,
      'invalid',
      'improvementId',
    );
}
