import { StoreFields } from '@heard/directory';
import { EventStore, RecordedEvent } from '@heard/event-store';
import { Reactor } from '@heard/projections';
import { DataSource } from 'typeorm';
import { followOnCase } from './follow-on-case';
import { liveCasesOfStore } from './live-cases-of-store';
import { StoreChange, StorePost } from './store-change';

export const CASE_STORE_FOLLOWER = 'case-store-follower';

const STORE_EVENTS: ReadonlySet<string> = new Set(['StoreDefined', 'StoreChanged']);
/** Cases worked side by side: their appends share group commits. */
const LANES = 16;

const postOf = (data: unknown): StorePost => {
  const { regionId, managerId } = data as StoreFields;
  return { regionId, managerId };
};
const samePost = (a: StorePost, b: StorePost) =>
  a.regionId === b.regionId && a.managerId === b.managerId;

async function storeChangeOf(store: EventStore, event: RecordedEvent): Promise<StoreChange | null> {
  const history = await store.readStream(event.streamId);
  const previous = history.find((e) => e.streamVersion === event.streamVersion - 1);
  const before = previous === undefined ? null : postOf(previous.data);
  // A new name or timezone moves no case.
  if (before !== null && samePost(before, postOf(event.data))) return null;
  const head = history[history.length - 1] ?? event;
  return {
    storeId: (event.data as StoreFields).storeId,
    before,
    now: postOf(head.data),
    position: event.globalPosition,
    at: event.recordedAt.toISOString(),
  };
}

/**
 * Cases follow the directory: when a store moves to another region or gets another manager, its
 * cases that are not closed take the region, and those its former manager owned go to the new
 * one, each move an event with its reason. The cases context reads directory events; the
 * directory never hears of cases.
 */
export function followStoreChangesReactor(deps: {
  readonly store: EventStore;
  readonly dataSource: DataSource;
}): Reactor {
  return {
    name: CASE_STORE_FOLLOWER,
    canHandle: (type) => STORE_EVENTS.has(type),
    handle: async (event) => {
      const change = await storeChangeOf(deps.store, event);
      if (change === null) return;
      const caseIds = await liveCasesOfStore(deps.dataSource, change.storeId, change.position);
      for (let i = 0; i < caseIds.length; i += LANES) {
        await Promise.all(
          caseIds
            .slice(i, i + LANES)
            .map((caseId) => followOnCase(deps.store, event, change, caseId)),
        );
      }
    },
  };
}
