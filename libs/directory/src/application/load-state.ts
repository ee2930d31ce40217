import type { Decider, DomainEvent, EventStore, RecordedEvent } from '@heard/event-store';
import { StreamFreshness } from './stream-freshness';

export interface LoadedState<State> {
  readonly state: State;
  /** 0 when the stream is empty. */
  readonly version: number;
}

function foldOnto<Command, Event extends DomainEvent, State>(
  known: LoadedState<State>,
  events: readonly RecordedEvent[],
  decider: Decider<Command, Event, State>,
): LoadedState<State> {
  const last = events[events.length - 1];
  if (!last) return known;
  const state = events.reduce(
    (s, e) => decider.evolve(s, { type: e.type, data: e.data } as Event),
    known.state,
  );
  return { state, version: last.streamVersion };
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
  return foldOnto({ state: decider.initialState(), version: 0 }, relevant, decider);
}

/**
 * Folded streams kept between loads, for a reader that asks for the same entries over and over
 * (the case opener looks up a store, the rules and a team for every complaint). A load still asks
 * the store, but only for the events after the version it holds: streams only ever grow, so the
 * answer is the one a full read would give, and as fresh. Least recently used streams go first
 * once `capacity` is reached. The versions it holds are one store's, so it serves only that one.
 */
export class StreamStateCache<State> {
  private readonly states = new Map<string, LoadedState<State>>();
  private owner: EventStore | null = null;
  private readonly freshness = new StreamFreshness();

  constructor(readonly capacity: number) {
    if (!Number.isSafeInteger(capacity) || capacity < 1) {
      throw new RangeError(`capacity must be a positive integer, not ${capacity}`);
    }
  }

  get size(): number {
    return this.states.size;
  }

  async load<Command, Event extends DomainEvent>(
    eventStore: EventStore,
    streamId: string,
    decider: Decider<Command, Event, State>,
  ): Promise<LoadedState<State>> {
    this.owner ??= eventStore;
    if (this.owner !== eventStore) throw new Error('a stream state cache serves one event store');
    const held = this.states.get(streamId);
    if (held && this.freshness.isCurrent(streamId)) {
      this.remember(streamId, held);
      return held;
    }
    const known = held ?? { state: decider.initialState(), version: 0 };
    return this.freshness.reading(streamId, async () => {
      const newer = await eventStore.readStream(streamId, { fromVersion: known.version + 1 });
      const loaded = foldOnto(known, newer, decider);
      this.remember(streamId, loaded);
      return loaded;
    });
  }

  /** See StreamFreshness: from now on `changed` hears of every append, and loads trust it. */
  watch(): void {
    this.freshness.watch();
  }

  /** Something was appended to `streamId`: its next load reads what is new. */
  changed(streamId: string): void {
    this.freshness.changed(streamId);
  }

  private remember(streamId: string, loaded: LoadedState<State>): void {
    const held = this.states.get(streamId);
    this.states.delete(streamId);
    // Overlapping loads of one stream may finish out of order: the older answer must not win.
    this.states.set(streamId, held && held.version > loaded.version ? held : loaded);
    if (this.states.size > this.capacity) {
      const oldest = this.states.keys().next().value as string;
      this.states.delete(oldest);
      this.freshness.forget(oldest);
    }
  }
}
