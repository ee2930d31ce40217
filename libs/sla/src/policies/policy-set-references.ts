import { SlaPolicyDraft } from './sla-policy-draft';

export type ReferenceKind = 'person' | 'team' | 'store' | 'region';

/** A directory id a policy names, and where in the request. */
export interface PolicyReference {
  readonly kind: ReferenceKind;
  readonly id: string;
  readonly field: string;
}

/**
 * Read from the drafts once validatePolicySet accepted them, because validation sorts match
 * lists: a field must name the position the admin sent, not the sorted one.
 */
export function referencesOf(draft: SlaPolicyDraft, field: string): PolicyReference[] {
  const refs: PolicyReference[] = [];
  const listed = (kind: ReferenceKind, ids: readonly string[] | undefined, at: string) =>
    (ids ?? []).forEach((id, i) => refs.push({ kind, id, field: `${at}[${i}]` }));
  listed('store', draft.match?.storeIds, `${field}.match.storeIds`);
  listed('region', draft.match?.regionIds, `${field}.match.regionIds`);
  (draft.escalation ?? []).forEach(({ to }, i) => {
    const at = `${field}.escalation[${i}].to`;
    if (to.kind === 'person' && to.personId) {
      refs.push({ kind: 'person', id: to.personId, field: `${at}.personId` });
    }
    if (to.kind === 'team' && to.teamId) {
      refs.push({ kind: 'team', id: to.teamId, field: `${at}.teamId` });
    }
  });
  return refs;
}

export const policySetReferences = (
  policies: readonly SlaPolicyDraft[],
  defaultPolicy: SlaPolicyDraft,
): PolicyReference[] => [
  ...policies.flatMap((policy, i) => referencesOf(policy, `policies[${i}]`)),
  ...referencesOf(defaultPolicy, 'defaultPolicy'),
];
