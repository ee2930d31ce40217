import { PersonalDataPort } from '@heard/customers';
import { EventStore } from '@heard/event-store';
import { Scope } from '@heard/kernel';
import { DataSource } from 'typeorm';
import { FeedbackCriteria, MatchedFeedback } from './feedback-criteria';
import { feedbackByIds, feedbackOfCases } from './linkable-feedback';
import { matchFeedback } from './match-feedback';

/** What to link: feedback ids, case ids, criteria, or any mix (their union). */
export interface LinkRequest {
  readonly feedbackIds?: readonly string[];
  readonly caseIds?: readonly string[];
  readonly criteria?: FeedbackCriteria;
}

export interface LinkPreview {
  readonly feedbackItems: number;
  readonly customers: number;
  /** Items without a customer: linked, but nobody to tell. */
  readonly anonymous: number;
  /** Of `feedbackItems`, those this improvement holds already. */
  readonly alreadyLinked: number;
}

/** Every item the request names, once each, in the order named. */
export async function feedbackToLink(
  store: EventStore,
  readModels: DataSource,
  personal: Pick<PersonalDataPort, 'opener'>,
  scope: Scope,
  request: LinkRequest,
): Promise<MatchedFeedback[]> {
  const parts = await Promise.all([
    request.feedbackIds?.length ? feedbackByIds(store, scope, request.feedbackIds) : [],
    request.caseIds?.length ? feedbackOfCases(store, scope, request.caseIds) : [],
    request.criteria ? matchFeedback(readModels, personal, request.criteria, scope) : [],
  ]);
  const seen = new Set<string>();
  return parts.flat().filter((item) => {
    if (seen.has(item.feedbackId)) return false;
    seen.add(item.feedbackId);
    return true;
  });
}

export function previewOf(
  items: readonly MatchedFeedback[],
  linked: ReadonlyMap<string, string | null>,
): LinkPreview {
  const customers = new Set<string>();
  let anonymous = 0;
  let alreadyLinked = 0;
  for (const item of items) {
    if (item.customerId === null) anonymous++;
    else customers.add(item.customerId);
    if (linked.has(item.feedbackId)) alreadyLinked++;
  }
  return { feedbackItems: items.length, customers: customers.size, anonymous, alreadyLinked };
}
