import { EventStore, RecordedEvent } from '@heard/event-store';
import { DomainError } from '@heard/kernel';
import { caseDecider, caseStreamId } from '../../domain/case.decider';
import { CaseEvent } from '../../domain/case.events';
import { ActiveCase } from '../../domain/case.state';

export interface LoadedCase {
  readonly state: ActiveCase;
  /** The stream version: what If-Match must name. */
  readonly version: number;
  /** When the last event was recorded. */
  readonly updatedAt: string;
  readonly history: readonly RecordedEvent[];
}

export const caseNotFound = (caseId: string): DomainError =>
  new DomainError('case.not_found', `there is no case ${caseId}`, 'not_found');

/**
 * The case as its stream says now, or not_found when it does not exist or `canSee` says no: a
 * case outside the caller's scope must look exactly like a missing one.
 */
export async function loadCase(
  store: EventStore,
  caseId: string,
  canSee: (state: ActiveCase) => boolean,
): Promise<LoadedCase> {
  const history = await store.readStream(caseStreamId(caseId));
  const state = history.reduce(
    (s, e) => caseDecider.evolve(s, { type: e.type, data: e.data } as CaseEvent),
    caseDecider.initialState(),
  );
  if (state.status === 'none' || !canSee(state)) throw caseNotFound(caseId);
  const last = history[history.length - 1];
  return {
    state,
    version: last.streamVersion,
    updatedAt: last.recordedAt.toISOString(),
    history,
  };
}
