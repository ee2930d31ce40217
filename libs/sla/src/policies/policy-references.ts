import { getPerson, getRegion, getStore, getTeam } from '@heard/directory';
import type { EventStore } from '@heard/event-store';
import { SlaPolicy } from '../domain/sla-policy';
import { SlaConfigError, SlaConfigErrorCode } from '../shared/sla-config-error';

interface Reference {
  readonly code: SlaConfigErrorCode;
  readonly what: string;
  readonly id: string;
  readonly field: string;
  readonly exists: (eventStore: EventStore, id: string) => Promise<boolean>;
}

const found =
  (query: (store: EventStore, id: string) => Promise<unknown>) =>
  async (eventStore: EventStore, id: string) =>
    (await query(eventStore, id)) !== null;

const personExists = found(getPerson);
const teamExists = found(getTeam);
const storeExists = found(getStore);
const regionExists = found(getRegion);

function referencesOf(policy: SlaPolicy, field: string): Reference[] {
  const refs: Reference[] = [];
  (policy.match.storeIds ?? []).forEach((id, i) =>
    refs.push({
      code: 'sla.unknown_store',
      what: 'store',
      id,
      field: `${field}.match.storeIds[${i}]`,
      exists: storeExists,
    }),
  );
  (policy.match.regionIds ?? []).forEach((id, i) =>
    refs.push({
      code: 'sla.unknown_region',
      what: 'region',
      id,
      field: `${field}.match.regionIds[${i}]`,
      exists: regionExists,
    }),
  );
  policy.escalation.forEach(({ to }, i) => {
    const at = `${field}.escalation[${i}].to`;
    if (to.kind === 'person') {
      refs.push({
        code: 'sla.unknown_person',
        what: 'person',
        id: to.personId,
        field: `${at}.personId`,
        exists: personExists,
      });
    }
    if (to.kind === 'team') {
      refs.push({
        code: 'sla.unknown_team',
        what: 'team',
        id: to.teamId,
        field: `${at}.teamId`,
        exists: teamExists,
      });
    }
  });
  return refs;
}

/**
 * Every id a policy names must be in the directory, so a clock never escalates to a stranger nor
 * waits on a store that is not there. Entries are never deleted: "exists" cannot become false
 * between this check and the append.
 */
export async function requirePolicyReferences(
  eventStore: EventStore,
  policies: readonly SlaPolicy[],
  defaultPolicy: SlaPolicy,
): Promise<void> {
  const refs = [
    ...policies.flatMap((policy, i) => referencesOf(policy, `policies[${i}]`)),
    ...referencesOf(defaultPolicy, 'defaultPolicy'),
  ];
  const checked = new Map<string, Promise<boolean>>();
  for (const ref of refs) {
    const key = `${ref.what} ${ref.id}`;
    if (!checked.has(key)) checked.set(key, ref.exists(eventStore, ref.id));
    if (!(await checked.get(key))) {
      throw new SlaConfigError(ref.code, ref.field, `${ref.field}: no ${ref.what} ${ref.id}`);
    }
  }
}
