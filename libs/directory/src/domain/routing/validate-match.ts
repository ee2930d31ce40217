import { DirectoryError, DirectoryErrorCode } from '../shared/directory-error';
import { byCodeUnit, requireId } from '../shared/ids';
import { requireName } from '../shared/text';
import { RuleMatch } from './routing-rule';
import { RoutingRuleDraft } from './routing-rule-draft';
import { CASE_PRIORITIES, FEEDBACK_CHANNELS, FEEDBACK_KINDS } from './vocabulary';

type Criterion = keyof RuleMatch;

const oneOf =
  (allowed: readonly string[], code: DirectoryErrorCode) =>
  (value: unknown, field: string): string => {
    if (typeof value === 'string' && allowed.includes(value)) return value;
    throw new DirectoryError(
      code,
      field,
      `${field} must be one of ${allowed.join(', ')} (got ${JSON.stringify(value)})`,
    );
  };

const CRITERIA: Record<Criterion, (value: unknown, field: string) => string> = {
  storeIds: requireId,
  regionIds: requireId,
  categories: (value, field) => requireName(value, field, 100),
  channels: oneOf(FEEDBACK_CHANNELS, 'directory.unknown_channel'),
  priorities: oneOf(CASE_PRIORITIES, 'directory.unknown_priority'),
  kinds: oneOf(FEEDBACK_KINDS, 'directory.unknown_kind'),
};

const isCriterion = (key: string): key is Criterion => Object.hasOwn(CRITERIA, key);

/** Lists become sorted sets so that re-publishing the same rules in another spelling is no change. */
export function validateMatch(draft: RoutingRuleDraft['match'], field: string): RuleMatch {
  const match: Partial<Record<Criterion, string[]>> = {};
  for (const [key, values] of Object.entries(draft ?? {})) {
    if (values === undefined) continue;
    if (!isCriterion(key)) {
      throw new DirectoryError(
        'directory.invalid_rule',
        `${field}.${key}`,
        `${field}.${key} is not a criterion; use ${Object.keys(CRITERIA).join(', ')}`,
      );
    }
    if (!Array.isArray(values) || values.length === 0) {
      throw new DirectoryError(
        'directory.invalid_list',
        `${field}.${key}`,
        `${field}.${key} must be a non-empty list; leave it out to match any ${key}`,
      );
    }
    const checked = values.map((value, i) => CRITERIA[key](value, `${field}.${key}[${i}]`));
    match[key] = [...new Set(checked)].sort(byCodeUnit);
  }
  // The vocabulary lists are unions of string literals; the checks above admitted only those.
  return match as RuleMatch;
}
