import { DirectoryError } from '../shared/directory-error';
import { requireId } from '../shared/ids';
import { requireOptionalText } from '../shared/text';
import { DEFAULT_RULE_ID, DefaultOwner, RoutingRule } from './routing-rule';
import { RoutingRuleDraft, RuleOwnerDraft } from './routing-rule-draft';
import { validateMatch } from './validate-match';
import { validateDefaultOwner, validateOwner } from './validate-owner';

// Each publish stores the whole set in one event, which the event store caps at 1 MiB.
export const MAX_RULES = 1000;

export interface ValidRules {
  readonly rules: readonly RoutingRule[];
  readonly defaultOwner: DefaultOwner;
}

export function validateRuleSet(
  drafts: readonly RoutingRuleDraft[],
  defaultOwner: RuleOwnerDraft,
): ValidRules {
  if (!Array.isArray(drafts) || drafts.length > MAX_RULES) {
    throw new DirectoryError(
      'directory.invalid_list',
      'rules',
      `rules must be a list of at most ${MAX_RULES} rules`,
    );
  }
  const seen = new Set<string>();
  const rules = drafts.map((draft, i): RoutingRule => {
    const field = `rules[${i}]`;
    const id = requireId(draft?.id, `${field}.id`);
    if (id === DEFAULT_RULE_ID) {
      throw new DirectoryError(
        'directory.invalid_rule',
        `${field}.id`,
        `${field}.id must not be "${DEFAULT_RULE_ID}": decisions made by the default owner use it`,
      );
    }
    if (seen.has(id)) {
      throw new DirectoryError(
        'directory.duplicate_rule_id',
        `${field}.id`,
        `${field}.id "${id}" is used by an earlier rule; decisions record the rule id, so it must be unique`,
      );
    }
    seen.add(id);
    const description = requireOptionalText(draft.description, `${field}.description`);
    return {
      id,
      ...(description === undefined ? {} : { description }),
      match: validateMatch(draft.match, `${field}.match`),
      owner: validateOwner(draft.owner, `${field}.owner`),
    };
  });
  return { rules, defaultOwner: validateDefaultOwner(defaultOwner, 'defaultOwner') };
}
