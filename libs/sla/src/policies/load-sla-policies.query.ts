import type { EventStore } from '@heard/event-store';
import { SlaPolicySet } from '../domain/sla-policy';
import { publishedOfState, PublishedSlaPolicies, slaPolicySetOf } from './published-sla-policies';
import { SlaPoliciesEvent } from './sla-policies.events';
import { evolveSlaPolicies } from './sla-policies.evolve';
import { initialSlaPoliciesState, SLA_POLICIES_STREAM_ID } from './sla-policies.state';

/** The live list, or the built-in default before the first publish. Each event holds a whole set. */
export async function loadSlaPolicies(eventStore: EventStore): Promise<PublishedSlaPolicies> {
  const [last] = await eventStore.readStream(SLA_POLICIES_STREAM_ID, {
    direction: 'backwards',
    limit: 1,
  });
  const state = last
    ? evolveSlaPolicies(initialSlaPoliciesState(), {
        type: last.type,
        data: last.data,
      } as SlaPoliciesEvent)
    : initialSlaPoliciesState();
  return publishedOfState(state);
}

/** The set of one version, to count a case's clock as it was counted; null if never published. */
export async function loadSlaPolicySet(
  eventStore: EventStore,
  version: number,
): Promise<SlaPolicySet | null> {
  if (!Number.isSafeInteger(version) || version < 1) return slaPolicySetOf([], version);
  // Every publish appends exactly one event, so version n is stream event n.
  const candidates = await eventStore.readStream(SLA_POLICIES_STREAM_ID, {
    fromVersion: version,
    limit: 1,
  });
  return slaPolicySetOf(
    candidates.map((e) => ({ type: e.type, data: e.data })),
    version,
  );
}
