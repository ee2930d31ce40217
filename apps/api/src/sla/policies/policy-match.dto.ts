import { RuleMatchDto } from '../../directory/routing-rules/rule-match.dto';

/**
 * Which cases a policy applies to: the routing rules' match, so that "which cases does this match"
 * has one definition. A class of its own only to keep its name in the published document.
 */
export class PolicyMatchDto extends RuleMatchDto {}
