import {
  AppendGathering,
  AppendOptions,
  AppendResult,
  atEndOf,
  BatchHandler,
  EventStore,
  NewEvent,
  RecordedEvent,
  UpcasterRegistry,
} from '@heard/event-store';
import { KeysChecked, PersonalDataPort } from './personal-data.port';
import { openedOnRead } from './opened-on-read';
import { PersonalFields } from './personal-fields';
import { SealedBlock } from './sealed-block';

interface QueuedAppend {
  readonly streamId: string;
  readonly events: readonly NewEvent[];
  readonly options: AppendOptions;
  resolve(result: AppendResult): void;
  reject(error: unknown): void;
}

/** Opened data, each to the data as stored: see storedDataOf. */
const storedOf = new WeakMap<object, unknown>();

/**
 * The data as the store holds it, its personal fields still sealed, for data a sealing store
 * opened (undefined for any other): a read model may keep the sealed block and open it when it is
 * read, instead of decrypting every event it applies. Asking does not open anything.
 */
export function storedDataOf(data: unknown): unknown {
  return typeof data === 'object' && data !== null ? storedOf.get(data) : undefined;
}

/** The data with each of `properties` a stand-in that opens the whole block when first read. */
function openedWhenRead(
  stored: object,
  properties: readonly string[],
  open: () => unknown,
): Record<string, unknown> {
  let opened: Record<string, unknown> | null = null;
  const openOnce = () => (opened ??= open() as Record<string, unknown>);
  const data: Record<string, unknown> = { ...stored };
  for (const property of properties) data[property] = openedOnRead(() => openOnce()[property]);
  return data;
}

/**
 * The same store, but the personal fields of the events `fields` names are sealed on append and
 * opened on every read: a stream, the log, a subscription's batch (one key look-up per batch).
 * An event whose key is gone reads redacted, never as an error. Types that name their
 * `openedOnRead` properties are decrypted only when a reader touches those.
 */
export function withPersonalData(
  store: EventStore,
  personal: PersonalDataPort,
  fields: readonly PersonalFields[],
  gathering: AppendGathering = 'task',
): EventStore {
  const byType = new Map(fields.map((f) => [f.type, f]));
  const upcasting = new UpcasterRegistry(fields.flatMap((f) => f.upcasters));

  /** The event as stored, or null when its owner's key must be looked up first. */
  const sealAtOnce = (event: NewEvent): NewEvent | null => {
    const codec = byType.get(event.type);
    if (!codec || (event.schemaVersion ?? 1) >= codec.sealedVersion) return event;
    const part = codec.personalOf(event.data);
    if (part === null) return { ...event, schemaVersion: codec.sealedVersion };
    const block = personal.sealAtOnce(part.owner, part.value);
    return block && { ...event, data: part.store(block), schemaVersion: codec.sealedVersion };
  };

  const sealOne = async (event: NewEvent): Promise<NewEvent> => {
    const codec = byType.get(event.type);
    if (!codec || (event.schemaVersion ?? 1) >= codec.sealedVersion) return event;
    const part = codec.personalOf(event.data);
    const data = part ? part.store(await personal.seal(part.owner, part.value)) : event.data;
    return { ...event, data, schemaVersion: codec.sealedVersion };
  };

  /** Without waiting when every key is at hand (the common case under load). */
  const sealAll = (events: readonly NewEvent[]): NewEvent[] | Promise<NewEvent[]> => {
    const sealed: NewEvent[] = [];
    for (const event of events) {
      const now = sealAtOnce(event);
      if (now === null) return Promise.all(events.map(sealOne));
      sealed.push(now);
    }
    return sealed;
  };

  const openAll = async <E extends RecordedEvent>(
    events: readonly E[],
    ahead = false,
    checked?: Promise<KeysChecked>,
  ): Promise<E[]> => {
    // One pass: upcast what is older than sealed, and gather the blocks of what is sealed.
    const out = events.slice();
    const blocks: SealedBlock[] = [];
    for (let i = 0; i < out.length; i++) {
      const codec = byType.get(out[i].type);
      if (codec === undefined) continue;
      if (out[i].schemaVersion < codec.sealedVersion) out[i] = upcasting.apply(out[i]);
      const block = codec.blockOf(out[i].data);
      if (block) blocks.push(block);
    }
    if (blocks.length === 0) return out;
    // The keys are looked up with the batch; each block is decrypted only when it is read.
    const open = await personal.opener(blocks, { ahead, checked });
    for (let i = 0; i < out.length; i++) {
      const codec = byType.get(out[i].type);
      if (codec === undefined) continue;
      const stored = out[i].data;
      const lazy = codec.openedOnRead;
      const data =
        lazy === undefined || codec.blockOf(stored) === null
          ? codec.opened(stored, open)
          : openedWhenRead(stored as object, lazy, () => codec.opened(stored, open));
      if (data === stored) continue;
      if (typeof data === 'object' && data !== null) storedOf.set(data, stored);
      out[i] = { ...out[i], data };
    }
    return out;
  };

  const openHandler =
    (handler: BatchHandler): BatchHandler =>
    async (events) =>
      handler(await openAll(events));

  /**
   * Appends made together (see AppendGathering) are sealed together: one seal alone, between the
   * other work of a request, costs about four times what it costs next to others (AES-GCM's
   * set-up runs from cold caches), and under load an API's turn holds many requests' appends.
   */
  const later = atEndOf(gathering);
  let queued: QueuedAppend[] = [];
  const sealQueued = () => {
    const batch = queued;
    queued = [];
    const sealed = batch.map(({ events, reject }) => {
      try {
        return sealAll(events);
      } catch (error) {
        reject(error);
        return null;
      }
    });
    batch.forEach(({ streamId, options, resolve, reject }, i) => {
      const events = sealed[i];
      if (events === null) return;
      try {
        const appended = Array.isArray(events)
          ? store.append(streamId, events, options)
          : events.then((ready) => store.append(streamId, ready, options));
        appended.then(resolve, reject);
      } catch (error) {
        // A store that throws instead of rejecting fails this append, not the ones after it.
        reject(error);
      }
    });
  };

  return {
    append: (streamId, events, options) =>
      new Promise((resolve, reject) => {
        if (queued.length === 0) later(sealQueued);
        queued.push({ streamId, events, options, resolve, reject });
      }),
    readStream: async (streamId, options) => openAll(await store.readStream(streamId, options)),
    readAll: async (options) => {
      if (options?.ahead !== true) return openAll(await store.readAll(options));
      // A batch read ahead asks about deleted keys while it is read: waiting on the database
      // once, not twice in a row, for a batch the reader wants next.
      const checked = personal.checkKeys();
      checked.catch(() => undefined);
      return openAll(await store.readAll(options), true, checked);
    },
    subscribeToAll: (options, handler) => store.subscribeToAll(options, openHandler(handler)),
    subscribeToStream: (streamId, options, handler) =>
      store.subscribeToStream(streamId, options, openHandler(handler)),
    close: () => store.close(),
  };
}
