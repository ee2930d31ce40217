import type { EventStore } from '@heard/event-store';
import { Reactor } from '@heard/projections';
import { SlaSources } from '../sla-sources';
import { escalateOnBreach } from './escalate-on-breach';

export const SLA_ESCALATOR_REACTOR = 'sla-escalator';

/** SlaBreached → CaseEscalated (and CaseAssigned when the level takes the case over). */
export function slaEscalatorReactor(deps: {
  readonly store: EventStore;
  readonly sources: SlaSources;
}): Reactor {
  return {
    name: SLA_ESCALATOR_REACTOR,
    canHandle: (type) => type === 'SlaBreached',
    partitionOf: (event) => Promise.resolve(event.streamId),
    handle: (event) => escalateOnBreach(deps.store, deps.sources, event),
  };
}
