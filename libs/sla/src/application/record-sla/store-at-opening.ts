import { StoreFields, storeStreamId } from '@heard/directory';
import type { EventStore } from '@heard/event-store';

export interface StoreAtOpening {
  readonly timeZone: string;
  readonly calendarId: string | null;
}

/** Without a store (or one not defined), targets count 24x7 in UTC. */
const NO_STORE: StoreAtOpening = { timeZone: 'UTC', calendarId: null };

/**
 * The store as the case was opened and routed with: the version CaseOpened names, or, on cases
 * opened before that was recorded, the last version before the opening.
 */
export async function storeAtOpening(
  store: EventStore,
  storeId: string | null,
  storeVersion: number | undefined,
  position: bigint,
): Promise<StoreAtOpening> {
  if (storeId === null || storeVersion === 0) return NO_STORE;
  const streamId = storeStreamId(storeId);
  const history =
    storeVersion === undefined
      ? (await store.readStream(streamId)).filter((e) => e.globalPosition < position)
      : await store.readStream(streamId, { fromVersion: storeVersion, limit: 1 });
  const last = history.at(-1);
  if (last === undefined) return NO_STORE;
  const fields = last.data as StoreFields;
  return { timeZone: fields.timezone, calendarId: fields.calendarId ?? null };
}
