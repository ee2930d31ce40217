import { loadCase } from '@heard/cases';
import { caseVisibleTo } from '@heard/cases/subscriptions';
import { EventStore } from '@heard/event-store';
import { FeedbackReceived, feedbackStreamId } from '@heard/feedback';
import { DomainError, Scope } from '@heard/kernel';
import { MatchedFeedback } from './feedback-criteria';

const notLinkable = (field: string, what: string) =>
  new DomainError(
    'improvement.feedback_not_found',
    `there is no ${what} the caller may link`,
    'invalid',
    field,
  );

/** Staff link the feedback of their stores; cx_admin any. */
const mayLink = (scope: Scope, storeId: string | null): boolean =>
  scope.kind === 'everything' ||
  (scope.kind === 'staff' && storeId !== null && scope.storeIds.includes(storeId));

/**
 * Feedback named by id, from its stream (so an item received a moment ago links at once). One
 * that does not exist or lies outside the caller's stores is refused by its place in the list,
 * alike, so the answer tells nothing about feedback the caller may not see.
 */
export async function feedbackByIds(
  store: EventStore,
  scope: Scope,
  feedbackIds: readonly string[],
): Promise<MatchedFeedback[]> {
  const found = await Promise.all(
    feedbackIds.map(async (feedbackId) => {
      const [first] = await store.readStream(feedbackStreamId(feedbackId), { limit: 1 });
      if (first?.type !== 'FeedbackReceived') return null;
      const data = first.data as FeedbackReceived['data'];
      if (!mayLink(scope, data.storeId)) return null;
      return { feedbackId, customerId: data.customer.id ?? null };
    }),
  );
  return found.map((item, i) => {
    if (item === null) throw notLinkable(`feedbackIds[${i}]`, `feedback ${feedbackIds[i]}`);
    return item;
  });
}

/** The feedback of cases the caller may see (by the cases' own rule), with the case's customer. */
export async function feedbackOfCases(
  store: EventStore,
  scope: Scope,
  caseIds: readonly string[],
): Promise<MatchedFeedback[]> {
  const cases = await Promise.all(
    caseIds.map(async (caseId, i) => {
      try {
        const { state } = await loadCase(store, caseId, (s) => caseVisibleTo(scope, s));
        return state;
      } catch (error) {
        if (error instanceof DomainError && error.kind === 'not_found')
          throw notLinkable(`caseIds[${i}]`, `case ${caseId}`);
        throw error;
      }
    }),
  );
  return cases.flatMap((state) =>
    state.feedbackIds.map((feedbackId) => ({ feedbackId, customerId: state.customerId })),
  );
}
