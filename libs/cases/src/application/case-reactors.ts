import { Clock, EventStore } from '@heard/event-store';
import { Reactor } from '@heard/projections';
import { DataSource } from 'typeorm';
import { followStoreChangesReactor } from './follow-store/follow-store-changes.reactor';
import {
  CaseOpenerOptions,
  openCaseForFeedbackReactor,
} from './open-case-for-feedback/open-case-for-feedback.reactor';

export interface CaseReactorDependencies {
  readonly store: EventStore;
  readonly dataSource: DataSource;
  readonly clock: Clock;
  /** Merge window and resolution target; the defaults are 7 days and 72 hours. */
  readonly cases?: CaseOpenerOptions;
}

/**
 * Process managers of the case context: open or merge a case for negative feedback, then route
 * it; and keep open cases with their store's region and manager.
 */
export const caseReactors = (deps: CaseReactorDependencies): readonly Reactor[] => [
  openCaseForFeedbackReactor(deps, deps.cases),
  followStoreChangesReactor(deps),
];
