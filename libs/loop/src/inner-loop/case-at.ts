import { CaseEvent, caseDecider, CaseState } from '@heard/cases';
import type { EventStore, RecordedEvent } from '@heard/event-store';

/** The case as it stood right after `event`: later events (a reassignment) do not count. */
export async function caseAt(store: EventStore, event: RecordedEvent): Promise<CaseState> {
  const history = await store.readStream(event.streamId, { limit: event.streamVersion });
  return history
    .filter((e) => e.streamVersion <= event.streamVersion)
    .reduce(
      (state, e) => caseDecider.evolve(state, { type: e.type, data: e.data } as CaseEvent),
      caseDecider.initialState(),
    );
}
