import { Clock, EventStore } from '@heard/event-store';
import { Reactor } from '@heard/projections';
import { DataSource } from 'typeorm';

/** Process managers of the case context: open or merge a case for negative feedback, then route it. */
export const caseReactors = (_deps: {
  store: EventStore;
  dataSource: DataSource;
  clock: Clock;
}): readonly Reactor[] => [];
