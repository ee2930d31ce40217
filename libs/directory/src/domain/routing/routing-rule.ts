import { CasePriority, FeedbackChannel, FeedbackKind } from './vocabulary';

/**
 * Every listed criterion must hold; within one list any value matches. An absent list matches anything.
 * A type alias, not an interface, so a stored rule can be sent back as a draft.
 */
export type RuleMatch = {
  readonly storeIds?: readonly string[];
  readonly regionIds?: readonly string[];
  readonly categories?: readonly string[];
  readonly channels?: readonly FeedbackChannel[];
  readonly priorities?: readonly CasePriority[];
  readonly kinds?: readonly FeedbackKind[];
};

export type RuleOwner =
  | { readonly kind: 'store_manager' }
  | { readonly kind: 'person'; readonly personId: string }
  | { readonly kind: 'team'; readonly teamId: string };

/** The default must always name someone, so a possibly vacant store manager is not allowed. */
export type DefaultOwner = Exclude<RuleOwner, { readonly kind: 'store_manager' }>;

export interface RoutingRule {
  readonly id: string;
  readonly description?: string;
  readonly match: RuleMatch;
  readonly owner: RuleOwner;
}

export interface RoutingRuleSet {
  readonly version: number;
  /** Tried in order; the first whose match holds and whose owner resolves wins. */
  readonly rules: readonly RoutingRule[];
  readonly defaultOwner: DefaultOwner;
}

export const DEFAULT_RULE_ID = 'default';
