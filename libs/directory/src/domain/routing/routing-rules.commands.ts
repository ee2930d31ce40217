import { ChangeStamp } from '../shared/change-stamp';
import { RoutingRuleDraft, RuleOwnerDraft } from './routing-rule-draft';

/** Replace the whole rule set; the next version is numbered by decide. */
export interface PublishRoutingRules extends ChangeStamp {
  readonly type: 'PublishRoutingRules';
  readonly rules: readonly RoutingRuleDraft[];
  readonly defaultOwner: RuleOwnerDraft;
  /** The version the admin edited (0 before the first); a later publish in between is refused. */
  readonly basedOnVersion?: number;
}

export type RoutingRulesCommand = PublishRoutingRules;
