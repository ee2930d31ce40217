import { EntryCache, getStore, StoreFields, storeStreamId } from '@heard/directory';
import { EventStore, RecordedEvent } from '@heard/event-store';
import { Reactor } from '@heard/projections';
import { DataSource } from 'typeorm';
import { CaseOpened } from '../../domain/case.events';
import { followOnCase } from './follow-on-case';
import { liveCasesOfStore } from './live-cases-of-store';
import { openingChangeOf, postAt, postOf, storeChangeOf } from './store-change-of';

export const CASE_STORE_FOLLOWER = 'case-store-follower';

const STORE_EVENTS: ReadonlySet<string> = new Set(['StoreDefined', 'StoreChanged']);
/** Cases worked side by side: their appends share group commits. */
const LANES = 16;
/** Room for every store of a large chain, as the case opener keeps them. */
const STORES = 20_000;

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
  const stores = new EntryCache<StoreFields>(STORES);
  let watching = false;

  async function onStoreEvent(event: RecordedEvent): Promise<void> {
    const change = storeChangeOf(event, await deps.store.readStream(event.streamId));
    if (change === null) return;
    const caseIds = await liveCasesOfStore(deps.dataSource, change.storeId, change.position);
    for (let i = 0; i < caseIds.length; i += LANES) {
      await Promise.all(
        caseIds
          .slice(i, i + LANES)
          .map((caseId) => followOnCase(deps.store, event, () => change, caseId)),
      );
    }
  }

  async function onCaseOpened(event: RecordedEvent): Promise<void> {
    const { caseId, storeId, storeVersion } = event.data as CaseOpened['data'];
    if (storeId === null || storeVersion === undefined) return;
    const current = await getStore(deps.store, storeId, { cache: stores });
    if (current === null || current.version === storeVersion) return;
    const storeHistory = await deps.store.readStream(storeStreamId(storeId));
    const before = postAt(storeHistory, storeVersion);
    const change = openingChangeOf(event, storeId, before, postOf(current.current));
    await followOnCase(deps.store, event, change, caseId);
  }

  return {
    name: CASE_STORE_FOLLOWER,
    // Every batch passes here first: the store cache is read again only when a store changed.
    observe: (events) => {
      if (!watching) stores.watch();
      watching = true;
      for (const { streamId } of events) stores.changed(streamId);
    },
    canHandle: (type) => type === 'CaseOpened' || STORE_EVENTS.has(type),
    handle: (event) => (event.type === 'CaseOpened' ? onCaseOpened(event) : onStoreEvent(event)),
  };
}
