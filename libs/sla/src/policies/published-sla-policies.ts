import type { DomainEvent } from '@heard/event-store';
import { SlaPolicySet } from '../domain/sla-policy';
import { BUILT_IN_POLICY_SET } from '../domain/built-in-policy-set';
import { SlaPoliciesEvent } from './sla-policies.events';
import { evolveSlaPolicies } from './sla-policies.evolve';
import { initialSlaPoliciesState, SlaPoliciesState } from './sla-policies.state';

/** The live list as admins read it; the built-in default has no publisher. */
export interface PublishedSlaPolicies extends SlaPolicySet {
  readonly publishedAt: string | null;
  readonly publishedBy: string | null;
}

export function publishedOfState(state: SlaPoliciesState): PublishedSlaPolicies {
  if (state.status === 'BuiltIn') {
    return { ...BUILT_IN_POLICY_SET, publishedAt: null, publishedBy: null };
  }
  return { ...state.policySet, publishedAt: state.publishedAt, publishedBy: state.publishedBy };
}

/**
 * The set a case counted with, from the stream's history: version 0 is the built-in default,
 * a version never published is null. Pure, so a projection can call it with events it holds.
 */
export function slaPolicySetOf(
  history: readonly DomainEvent[],
  version: number,
): SlaPolicySet | null {
  if (version === 0) return BUILT_IN_POLICY_SET;
  if (!Number.isSafeInteger(version) || version < 0) return null;
  for (const event of history) {
    const state = evolveSlaPolicies(initialSlaPoliciesState(), event as SlaPoliciesEvent);
    if (state.status === 'Published' && state.policySet.version === version) return state.policySet;
  }
  return null;
}
