import { getPerson, getRegion, getStore, getTeam } from '@heard/directory';
import type { EventStore } from '@heard/event-store';
import { SlaPolicyDraft } from './sla-policy-draft';
import { PolicyReference, policySetReferences, ReferenceKind } from './policy-set-references';
import { SlaConfigError, SlaConfigErrorCode } from '../shared/sla-config-error';

const CODE: Record<ReferenceKind, SlaConfigErrorCode> = {
  person: 'sla.unknown_person',
  team: 'sla.unknown_team',
  store: 'sla.unknown_store',
  region: 'sla.unknown_region',
};

const LOOKUP: Record<ReferenceKind, (eventStore: EventStore, id: string) => Promise<unknown>> = {
  person: getPerson,
  team: getTeam,
  store: getStore,
  region: getRegion,
};

// Stream reads at once: a list naming thousands of stores is checked in seconds, not minutes.
const CONCURRENT_LOOKUPS = 32;

const keyOf = (ref: PolicyReference) => `${ref.kind} ${ref.id}`;

/**
 * Every id a policy names must be in the directory, so a clock never escalates to a stranger nor
 * waits on a store that is not there. Entries are never deleted: "exists" cannot become false
 * between this check and the append. Takes drafts validatePolicySet accepted; the first missing
 * id, in the order sent, is named.
 */
export async function requirePolicyReferences(
  eventStore: EventStore,
  policies: readonly SlaPolicyDraft[],
  defaultPolicy: SlaPolicyDraft,
): Promise<void> {
  const refs = policySetReferences(policies, defaultPolicy);
  const distinct = [...new Map(refs.map((ref) => [keyOf(ref), ref])).values()];
  const found = new Map<string, boolean>();
  for (let i = 0; i < distinct.length; i += CONCURRENT_LOOKUPS) {
    const batch = distinct.slice(i, i + CONCURRENT_LOOKUPS);
    const answers = await Promise.all(batch.map((ref) => LOOKUP[ref.kind](eventStore, ref.id)));
    batch.forEach((ref, j) => found.set(keyOf(ref), answers[j] !== null));
  }
  const missing = refs.find((ref) => !found.get(keyOf(ref)));
  if (missing) {
    throw new SlaConfigError(
      CODE[missing.kind],
      missing.field,
      `${missing.field}: no ${missing.kind} ${missing.id}`,
    );
  }
}
