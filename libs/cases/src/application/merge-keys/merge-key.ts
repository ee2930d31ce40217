import { createHash } from 'node:crypto';

/** What makes two pieces of feedback "the same problem": one known customer, store and category. */
export interface MergeFacts {
  readonly customerId: string;
  readonly storeId: string | null;
  readonly category: string;
}

/** The latest case opened for a key, as the reactor recorded it when it decided. */
export interface MergeCandidate {
  readonly caseId: string;
  readonly openedAt: string;
  readonly open: boolean;
}

/** Seven days: a customer who complains again within a week about the same thing is heard once. */
export const DEFAULT_MERGE_WINDOW_MS = 7 * 24 * 3600_000;

/** Fixed length whatever the ids are, and no separator inside an id can make two keys collide. */
export const mergeKeyOf = (facts: MergeFacts): string =>
  createHash('sha256')
    .update(JSON.stringify([facts.customerId, facts.storeId, facts.category]))
    .digest('hex');

/**
 * The case that absorbs new feedback, or null to open the feedback's own case. A candidate that is
 * the feedback's own case is a redelivery of the decision that opened it, not a merge.
 */
export function caseToMergeInto(
  candidate: MergeCandidate | null,
  ownCaseId: string,
  at: string,
  windowMs: number,
): string | null {
  if (candidate === null || !candidate.open || candidate.caseId === ownCaseId) return null;
  const age = Date.parse(at) - Date.parse(candidate.openedAt);
  return age <= windowMs ? candidate.caseId : null;
}
