import type { EventStore } from '@heard/event-store';
import { Reactor } from '@heard/projections';
import { youChangedThisReactor } from './outer-loop/you-changed-this.reactor';

export interface ImprovementReactorDependencies {
  readonly store: EventStore;
}

/** The improvements' process managers: the outer loop's notices. */
export function improvementReactors(deps: ImprovementReactorDependencies): readonly Reactor[] {
  return [youChangedThisReactor({ store: deps.store })];
}
