import type { EventStore } from '@heard/event-store';
import { Reactor } from '@heard/projections';
import { builtInPolicySet } from '../domain/built-in-policy-set';
import { slaEscalatorReactor } from './escalate/sla-escalator.reactor';
import { slaRecorderReactor } from './record-sla/sla-recorder.reactor';
import { SlaSources } from './sla-sources';

export interface SlaReactorDependencies {
  readonly store: EventStore;
  /** CASE_TARGET_HOURS: the built-in default policy's resolution target. */
  readonly caseTargetHours: number;
}

/** The SLA context's process managers, sharing one set of policy and calendar versions. */
export function slaReactors(deps: SlaReactorDependencies): readonly Reactor[] {
  const builtIn = builtInPolicySet(deps.caseTargetHours);
  const sources = new SlaSources(deps.store, builtIn);
  return [
    slaRecorderReactor({ store: deps.store, builtIn, sources }),
    slaEscalatorReactor({ store: deps.store, sources }),
  ];
}
