/** A rule as the admin API sends it: loosely typed, checked and normalised by validateRuleSet. */
export interface RoutingRuleDraft {
  readonly id: string;
  readonly description?: string | null;
  readonly match?: { readonly [criterion: string]: readonly string[] | undefined } | null;
  readonly owner: RuleOwnerDraft;
}

export interface RuleOwnerDraft {
  readonly kind: string;
  readonly personId?: string | null;
  readonly teamId?: string | null;
}
