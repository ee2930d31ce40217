import type { Decider, DomainEvent, EventStore } from '@heard/event-store';

export interface LoadedState<State> {
  readonly state: State;
  /** 0 when the stream is empty. */
  readonly version: number;
}

/**
 * Folds a stream. With `asOf`, only events that occurred by then count, which is how a past
 * decision ("S-042's manager on that day") is explained.
 */
export async function loadState<Command, Event extends DomainEvent, State>(
  eventStore: EventStore,
  streamId: string,
  decider: Decider<Command, Event, State>,
  asOf?: Date,
): Promise<LoadedState<State>> {
  const history = await eventStore.readStream(streamId);
  const relevant = asOf ? history.filter((e) => e.occurredAt.getTime() <= asOf.getTime()) : history;
  const state = relevant.reduce(
    (s, e) => decider.evolve(s, { type: e.type, data: e.data } as Event),
    decider.initialState(),
  );
  const last = relevant[relevant.length - 1];
  return { state, version: last ? last.streamVersion : 0 };
}
