import { EventStore } from '@heard/event-store';
import { DomainError, Scope } from '@heard/kernel';
import { improvementDecider } from '../domain/improvement.decider';
import { ActiveImprovement } from '../domain/improvement.state';
import { ImprovementEvent, improvementStreamId } from '../improvement.events';
import { mayRead } from './improvement-scope';

export interface LoadedImprovement {
  readonly state: ActiveImprovement;
  readonly version: number;
  readonly updatedAt: string;
}

export const improvementNotFound = (improvementId: string): DomainError =>
  new DomainError('improvement.not_found', `there is no improvement ${improvementId}`, 'not_found');

/** From its stream; one the caller may not see looks exactly like a missing one. */
export async function loadImprovement(
  store: EventStore,
  improvementId: string,
  scope: Scope,
): Promise<LoadedImprovement> {
  const history = await store.readStream(improvementStreamId(improvementId));
  const state = history.reduce(
    (s, e) => improvementDecider.evolve(s, { type: e.type, data: e.data } as ImprovementEvent),
    improvementDecider.initialState(),
  );
  if (state.status === 'none' || !mayRead(scope, state)) throw improvementNotFound(improvementId);
  const last = history[history.length - 1];
  return { state, version: last.streamVersion, updatedAt: last.recordedAt.toISOString() };
}
