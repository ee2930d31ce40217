import { SlaPolicy } from '../domain/sla-policy';
import { SlaConfigError } from '../shared/sla-config-error';
import { policySetReferences } from './policy-set-references';
import { SlaPolicyDraft } from './sla-policy-draft';
import { validatePolicy } from './validate-policy';

// Each publish stores the whole set in one event, which the event store caps at 1 MiB.
export const MAX_POLICIES = 200;
/** Each one is looked up in the directory before a publish. */
export const MAX_REFERENCED_IDS = 10_000;

export interface ValidPolicies {
  readonly policies: readonly SlaPolicy[];
  readonly defaultPolicy: SlaPolicy;
}

export function validatePolicySet(
  drafts: readonly SlaPolicyDraft[],
  defaultDraft: SlaPolicyDraft,
): ValidPolicies {
  if (!Array.isArray(drafts) || drafts.length > MAX_POLICIES) {
    throw new SlaConfigError(
      'sla.invalid_list',
      'policies',
      `policies must be a list of at most ${MAX_POLICIES} policies`,
    );
  }
  const seen = new Set<string>();
  const unique = (policy: SlaPolicy, field: string): SlaPolicy => {
    if (seen.has(policy.policyId)) {
      throw new SlaConfigError(
        'sla.duplicate_policy_id',
        `${field}.policyId`,
        `${field}.policyId "${policy.policyId}" is used by an earlier policy; a case records the policy id, so it must be unique`,
      );
    }
    seen.add(policy.policyId);
    return policy;
  };
  const policies = drafts.map((draft, i) =>
    unique(validatePolicy(draft, `policies[${i}]`), `policies[${i}]`),
  );
  const defaultPolicy = unique(validatePolicy(defaultDraft, 'defaultPolicy'), 'defaultPolicy');
  if (Object.keys(defaultPolicy.match).length > 0) {
    throw new SlaConfigError(
      'sla.invalid_match',
      'defaultPolicy.match',
      'defaultPolicy.match must be empty or absent: the default catches every case no policy matched',
    );
  }
  const named = new Set(policySetReferences(drafts, defaultDraft).map((r) => `${r.kind} ${r.id}`));
  if (named.size > MAX_REFERENCED_IDS) {
    throw new SlaConfigError(
      'sla.invalid_list',
      'policies',
      `the policies name ${named.size} different stores, regions, people and teams; at most ${MAX_REFERENCED_IDS} (match on regions instead of long store lists)`,
    );
  }
  return { policies, defaultPolicy };
}
