import { EventStore } from '../event-store.port';

/**
 * A store that forwards every call to `store` but those `overrides` answers itself: a test's or a
 * bench's store that differs from another in a method or two. A spread would not do: an adapter
 * is a class instance, and a spread drops the methods on its prototype.
 */
export function forwardingTo(store: EventStore, overrides: Partial<EventStore> = {}): EventStore {
  return {
    append: (streamId, events, options) => store.append(streamId, events, options),
    readStream: (streamId, options) => store.readStream(streamId, options),
    readAll: (options) => store.readAll(options),
    subscribeToAll: (options, handler) => store.subscribeToAll(options, handler),
    subscribeToStream: (streamId, options, handler) =>
      store.subscribeToStream(streamId, options, handler),
    close: () => store.close(),
    ...overrides,
  };
}
