/** Which feedback to link: every list narrows (any of its values), stores and regions together. */
export interface FeedbackCriteria {
  readonly storeIds?: readonly string[];
  readonly regions?: readonly string[];
  readonly categories?: readonly string[];
  readonly channels?: readonly string[];
  readonly kinds?: readonly string[];
  /** Inclusive, ISO 8601: when the customer said it (occurredAt). */
  readonly from?: string;
  /** Exclusive. */
  readonly to?: string;
  /** The text contains any of these (case and Unicode width aside). */
  readonly words?: readonly string[];
}

/** One item that matched, with its customer (null: anonymous). */
export interface MatchedFeedback {
  readonly feedbackId: string;
  readonly customerId: string | null;
}

/**
 * Words are matched in memory over candidates the other criteria chose, so this many candidates
 * at most: more answers 422 `improvement.criteria_too_broad` (narrow by store, region, category or
 * period). Without words there is no cap: the match is SQL alone.
 */
export const MAX_WORD_CANDIDATES = 50_000;

/** Case-insensitive and width-insensitive: "ОЧЕРЕДЬ" and "очередь", "ｑｕｅｕｅ" and "queue". */
export const foldForMatch = (text: string): string => text.normalize('NFKC').toLowerCase();

export function containsAnyWord(text: string, foldedWords: readonly string[]): boolean {
  const folded = foldForMatch(text);
  return foldedWords.some((word) => folded.includes(word));
}
