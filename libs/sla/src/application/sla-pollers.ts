import { Clock, EventStore } from '@heard/event-store';
import { DataSource } from 'typeorm';
import { builtInPolicySet } from '../domain/built-in-policy-set';
import { SlaTimerPoller } from './fire-timers/sla-timer-poller';
import { SlaTimerTick } from './fire-timers/sla-timer-tick';
import { SlaSources } from './sla-sources';

export interface SlaPollerDependencies {
  readonly store: EventStore;
  readonly dataSource: DataSource;
  readonly clock: Clock;
  readonly caseTargetHours: number;
  readonly log?: (line: string) => void;
  /** Each tick's counts and times, for SlaTimerMetrics. */
  readonly onSlaTimerTick?: (tick: SlaTimerTick) => void;
}

/** The SLA timer poller over the sla_timers read model. */
export function slaPollers(deps: SlaPollerDependencies): readonly SlaTimerPoller[] {
  const sources = new SlaSources(deps.store, builtInPolicySet(deps.caseTargetHours));
  return [new SlaTimerPoller({ ...deps, sources, onTick: deps.onSlaTimerTick })];
}
