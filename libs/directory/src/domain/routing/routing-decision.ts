import { RuleOwner } from './routing-rule';
import { CasePriority, FeedbackChannel, FeedbackKind } from './vocabulary';

export interface RoutingInput {
  readonly storeId: string | null;
  readonly regionId: string | null;
  readonly category: string | null;
  readonly channel: FeedbackChannel;
  readonly priority: CasePriority;
  readonly kind: FeedbackKind;
}

/** What routing needs to know of the world, read by the caller beforehand so route stays pure. */
export interface RoutingView {
  storeManager(storeId: string): string | null;
  teamMembers(teamId: string): readonly string[];
  openCases(personId: string): number;
}

export interface SkippedRule {
  readonly ruleId: string;
  /** Why its owner could not be resolved, e.g. "store S-042 has no manager". */
  readonly why: string;
}

export interface RoutingDecision {
  /** Null only when the default owner is a team without members: the case waits in its queue. */
  readonly ownerId: string | null;
  readonly teamId: string | null;
  readonly ownerKind: RuleOwner['kind'];
  /** The rule that made the decision, or DEFAULT_RULE_ID. */
  readonly ruleId: string;
  readonly rulesVersion: number;
  /** One sentence a person can read later to see why this owner was chosen. */
  readonly reason: string;
  /** Rules that matched but whose owner could not be resolved, in the order they were tried. */
  readonly skipped: readonly SkippedRule[];
}
