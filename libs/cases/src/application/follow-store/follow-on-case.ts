import { ConcurrencyError, EventStore, RecordedEvent } from '@heard/event-store';
import { caseDecider, caseStreamId } from '../../domain/case.decider';
import { CaseEvent } from '../../domain/case.events';
import { ActiveCase } from '../../domain/case.state';
import { reactorEnvelope } from '../reactor-envelope';
import { CaseAtChange, followStoreChange, StoreChange } from './store-change';

const ATTEMPTS = 4;

function caseAtChange(history: readonly RecordedEvent[]): CaseAtChange | null {
  let state = caseDecider.initialState();
  let ownerSetAt = 0n;
  for (const recorded of history) {
    state = caseDecider.evolve(state, { type: recorded.type, data: recorded.data } as CaseEvent);
    if (recorded.type === 'CaseAssigned') ownerSetAt = recorded.globalPosition;
  }
  return state.status === 'none' ? null : { state: state as ActiveCase, ownerSetAt };
}

/** The change to apply, decided on the case's history (a fixed one for a directory event). */
export type ChangeOf = (history: readonly RecordedEvent[]) => StoreChange | null;

/**
 * Applies a store change to one case in one append, with ids derived from the causing event:
 * a case that already holds an event caused by it was handled, whatever happened to it since.
 */
export async function followOnCase(
  store: EventStore,
  cause: RecordedEvent,
  changeOf: ChangeOf,
  caseId: string,
): Promise<void> {
  const streamId = caseStreamId(caseId);
  for (let attempt = 1; ; attempt++) {
    const history = await store.readStream(streamId);
    if (history.some((event) => event.causationId === cause.eventId)) return;
    const at = caseAtChange(history);
    const change = at === null ? null : changeOf(history);
    if (at === null || change === null) return;
    let state = at.state;
    const events = followStoreChange(change, at).flatMap((command) => {
      const decided = caseDecider.decide(command, state);
      state = decided.reduce(caseDecider.evolve, state) as ActiveCase;
      const envelope = reactorEnvelope(cause, streamId, command.type, change.at);
      return decided.map((event, i) => ({ ...envelope(event, i), ...event }));
    });
    if (events.length === 0) return;
    try {
      const version = history[history.length - 1].streamVersion;
      await store.append(streamId, events, { expectedVersion: version });
      return;
    } catch (error) {
      if (!(error instanceof ConcurrencyError) || attempt >= ATTEMPTS) throw error;
    }
  }
}
