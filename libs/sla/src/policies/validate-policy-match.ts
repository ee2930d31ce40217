import { CHANNELS, FEEDBACK_KINDS, PRIORITIES } from '@heard/kernel';
import { PolicyMatch } from '../domain/sla-policy';
import { byCodeUnit, requireConfigId, requireConfigName } from '../shared/config-fields';
import { SlaConfigError } from '../shared/sla-config-error';
import { SlaPolicyDraft } from './sla-policy-draft';

type Criterion = keyof PolicyMatch;

const oneOf =
  (allowed: readonly string[]) =>
  (value: unknown, field: string): string => {
    if (typeof value === 'string' && allowed.includes(value)) return value;
    throw new SlaConfigError(
      'sla.invalid_match',
      field,
      `${field} must be one of ${allowed.join(', ')} (got ${JSON.stringify(value)})`,
    );
  };

const CRITERIA: Record<Criterion, (value: unknown, field: string) => string> = {
  priorities: oneOf(PRIORITIES),
  categories: (value, field) => requireConfigName(value, field, 100),
  channels: oneOf(CHANNELS),
  kinds: oneOf(FEEDBACK_KINDS),
  storeIds: requireConfigId,
  regionIds: requireConfigId,
};

export const MATCH_CRITERIA = Object.keys(CRITERIA) as Criterion[];

const isCriterion = (key: string): key is Criterion => Object.hasOwn(CRITERIA, key);

/** Lists become sorted sets, so the same policies in another spelling publish no new version. */
export function validatePolicyMatch(draft: SlaPolicyDraft['match'], field: string): PolicyMatch {
  const match: Partial<Record<Criterion, string[]>> = {};
  for (const [key, values] of Object.entries(draft ?? {})) {
    if (values === undefined) continue;
    if (!isCriterion(key)) {
      throw new SlaConfigError(
        'sla.invalid_match',
        `${field}.${key}`,
        `${field}.${key} is not a criterion; use ${MATCH_CRITERIA.join(', ')}`,
      );
    }
    if (!Array.isArray(values) || values.length === 0) {
      throw new SlaConfigError(
        'sla.invalid_list',
        `${field}.${key}`,
        `${field}.${key} must be a non-empty list; leave it out to match any ${key}`,
      );
    }
    const checked = values.map((value, i) => CRITERIA[key](value, `${field}.${key}[${i}]`));
    match[key] = [...new Set(checked)].sort(byCodeUnit);
  }
  // Priorities, channels and kinds were checked against the kernel's lists above: their types hold.
  return match as PolicyMatch;
}
