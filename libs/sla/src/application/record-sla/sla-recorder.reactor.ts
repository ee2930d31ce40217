import type { EventStore } from '@heard/event-store';
import { Reactor } from '@heard/projections';
import { SlaPolicySet } from '../../domain/sla-policy';
import { SlaSources } from '../sla-sources';
import { applySlaOnOpening } from './apply-sla-on-opening';
import { retargetOnPriority } from './retarget-on-priority';

export const SLA_RECORDER = 'sla-recorder';

export interface SlaRecorderDependencies {
  readonly store: EventStore;
  /** Version 0, before any publish: `builtInPolicySet(CASE_TARGET_HOURS)`. */
  readonly builtIn: SlaPolicySet;
  readonly sources?: SlaSources;
}

/**
 * Writes a case's SLA terms into its stream: the policy and calendar versions it opened under,
 * and each re-targeting a change of priority makes. Later publishes never touch an open case.
 */
export function slaRecorderReactor(deps: SlaRecorderDependencies): Reactor {
  const sources = deps.sources ?? new SlaSources(deps.store, deps.builtIn);
  return {
    name: SLA_RECORDER,
    canHandle: (type) => type === 'CaseOpened' || type === 'PriorityChanged',
    // Cases are independent; the events of one case stay in order.
    partitionOf: (event) => Promise.resolve(event.streamId),
    handle: (event) =>
      event.type === 'CaseOpened'
        ? applySlaOnOpening(deps.store, sources, event)
        : retargetOnPriority(deps.store, sources, event),
  };
}
