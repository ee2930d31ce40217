import { CaseFacts, PolicyMatch, SlaPolicy, SlaPolicySet } from './sla-policy';

/** The first policy of the published order that matches the case; the default catches the rest. */
export function selectPolicy(set: SlaPolicySet, facts: CaseFacts): SlaPolicy {
  return set.policies.find((policy) => policyMatches(policy.match, facts)) ?? set.defaultPolicy;
}

/** Every criterion given must hold; an empty list is no criterion, as an absent one is. */
export function policyMatches(match: PolicyMatch, facts: CaseFacts): boolean {
  return (
    holds(match.priorities, facts.priority) &&
    holds(match.categories, facts.category) &&
    holds(match.channels, facts.channel) &&
    holds(match.kinds, facts.kind) &&
    holds(match.storeIds, facts.storeId) &&
    holds(match.regionIds, facts.regionId)
  );
}

const holds = <T>(allowed: readonly T[] | undefined, value: T | null): boolean =>
  allowed === undefined || allowed.length === 0 || (value !== null && allowed.includes(value));
