import { Decider, DomainEvent } from './decider';
import { ConcurrencyError } from './errors';
import { EventStore } from './event-store.port';
import { NewEvent } from './recorded-event';

export interface HandleOptions<Event> {
  /** Conflicts retried before the ConcurrencyError reaches the caller (who answers 409). */
  readonly maxRetries?: number;
  /** Envelope fields for every event; `eventId(i)` makes ids deterministic for reactors. */
  readonly envelope?: (event: Event, index: number) => Omit<NewEvent, 'type' | 'data'>;
  /**
   * The stream is almost surely new (a freshly generated id): decide on the initial state and
   * append with `no_stream` without reading first. A stream that exists after all costs one
   * conflict and the ordinary read-decide-append.
   */
  readonly expectNew?: boolean;
}

export interface HandleResult<Event, State> {
  readonly events: readonly Event[];
  readonly state: State;
  readonly version: number;
}

/** Read the stream, fold it, decide, append with the version read; retry a lost race. */
export async function handleCommand<Command, Event extends DomainEvent, State>(
  store: EventStore,
  streamId: string,
  decider: Decider<Command, Event, State>,
  command: Command,
  options: HandleOptions<Event> = {},
): Promise<HandleResult<Event, State>> {
  const maxRetries = options.maxRetries ?? 3;
  for (let attempt = 0; ; attempt++) {
    const history = attempt === 0 && options.expectNew ? [] : await store.readStream(streamId);
    const state = history.reduce(
      (s, e) => decider.evolve(s, { type: e.type, data: e.data } as Event),
      decider.initialState(),
    );
    const version = history.length === 0 ? 0 : history[history.length - 1].streamVersion;
    const events = decider.decide(command, state);
    if (events.length === 0) return { events, state, version };
    try {
      const result = await store.append(
        streamId,
        events.map((event, i) => ({
          ...options.envelope?.(event, i),
          type: event.type,
          data: event.data,
        })),
        { expectedVersion: version === 0 ? 'no_stream' : version },
      );
      return {
        events,
        state: events.reduce(decider.evolve, state),
        version: result.nextExpectedVersion,
      };
    } catch (error) {
      // Only a conflict is decided again. Any other error may follow a durable append (a lost
      // reply): deciding again would make new events; the adapter settles that by event ids.
      const guessedNew = attempt === 0 && options.expectNew;
      if (!(error instanceof ConcurrencyError) || (attempt >= maxRetries && !guessedNew))
        throw error;
    }
  }
}
