import type { EventStore } from '@heard/event-store';
import { Reactor } from '@heard/projections';
import { linkResolvedCaseReactor } from './link-on-resolve/link-resolved-case.reactor';
import { youChangedThisReactor } from './outer-loop/you-changed-this.reactor';

export interface ImprovementReactorDependencies {
  readonly store: EventStore;
}

/** The improvements' process managers: links from resolved cases, the outer loop's notices. */
export function improvementReactors(deps: ImprovementReactorDependencies): readonly Reactor[] {
  return [linkResolvedCaseReactor(deps), youChangedThisReactor({ store: deps.store })];
}
