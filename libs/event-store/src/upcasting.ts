import { BatchHandler, EventStore } from './event-store.port';
import { RecordedEvent } from './recorded-event';

/** Turns one stored schema version of an event type into the next. Pure. */
export interface Upcaster {
  readonly type: string;
  readonly fromVersion: number;
  upcast(data: unknown): unknown;
}

export class UpcasterRegistry {
  private readonly byKey = new Map<string, Upcaster>();

  constructor(upcasters: readonly Upcaster[] = []) {
    for (const upcaster of upcasters) {
      const key = `${upcaster.type}@${upcaster.fromVersion}`;
      if (this.byKey.has(key)) throw new Error(`two upcasters for ${key}`);
      this.byKey.set(key, upcaster);
    }
  }

  /** Applies upcasters until the event is at its newest known version. Stored events stay as they are. */
  apply<E extends RecordedEvent>(event: E): E {
    let current: E = event;
    for (;;) {
      const upcaster = this.byKey.get(`${current.type}@${current.schemaVersion}`);
      if (!upcaster) return current;
      current = {
        ...current,
        data: upcaster.upcast(current.data),
        schemaVersion: current.schemaVersion + 1,
      };
    }
  }
}

/** The same store, but every event it returns has been upcast to its current schema version. */
export function withUpcasting(store: EventStore, registry: UpcasterRegistry): EventStore {
  const upcastAll = (events: RecordedEvent[]) => events.map((e) => registry.apply(e));
  const upcastHandler =
    (handler: BatchHandler): BatchHandler =>
    (events) =>
      handler(events.map((e) => registry.apply(e)));
  return {
    append: (streamId, events, options) => store.append(streamId, events, options),
    readStream: async (streamId, options) => upcastAll(await store.readStream(streamId, options)),
    readAll: async (options) => upcastAll(await store.readAll(options)),
    subscribeToAll: (options, handler) => store.subscribeToAll(options, upcastHandler(handler)),
    subscribeToStream: (streamId, options, handler) =>
      store.subscribeToStream(streamId, options, upcastHandler(handler)),
    close: () => store.close(),
  };
}
