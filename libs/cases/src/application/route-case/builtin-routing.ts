import type { RoutingDecision, RoutingInput, RoutingView } from '@heard/directory';

export const BUILTIN_RULE_ID = 'builtin';
const NOTE = 'built-in rule: no routing rules are published';

/**
 * Routing before anyone has published rules: the store's manager takes the case; without a
 * manager (or a store) it waits unassigned, with the reason recorded, until a person assigns it.
 */
export function routeWithoutRules(input: RoutingInput, view: RoutingView): RoutingDecision {
  const { storeId } = input;
  const managerId = storeId === null ? null : view.storeManager(storeId);
  const reason =
    managerId !== null
      ? `store ${storeId}'s manager is ${managerId} (${NOTE})`
      : `${storeId === null ? 'the case has no store' : `store ${storeId} has no manager`}, ` +
        `so the case waits unassigned (${NOTE})`;
  return {
    ownerId: managerId,
    teamId: null,
    ownerKind: 'store_manager',
    ruleId: BUILTIN_RULE_ID,
    rulesVersion: 0,
    reason,
    skipped: [],
  };
}
