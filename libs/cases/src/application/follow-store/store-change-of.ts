import { StoreFields } from '@heard/directory';
import { RecordedEvent } from '@heard/event-store';
import { StoreChange, StorePost } from './store-change';

export const postOf = (data: unknown): StorePost => {
  const { regionId, managerId } = data as StoreFields;
  return { regionId, managerId };
};

const samePost = (a: StorePost, b: StorePost) =>
  a.regionId === b.regionId && a.managerId === b.managerId;

/** The store as it stood at `version` (0: before it was defined). */
export function postAt(storeHistory: readonly RecordedEvent[], version: number): StorePost | null {
  const event = storeHistory.find((e) => e.streamVersion === version);
  return event === undefined ? null : postOf(event.data);
}

/** A directory store event as a change its cases follow; null when it moves no case. */
export function storeChangeOf(
  event: RecordedEvent,
  storeHistory: readonly RecordedEvent[],
): StoreChange | null {
  const before = postAt(storeHistory, event.streamVersion - 1);
  // A new name or timezone moves no case.
  if (before !== null && samePost(before, postOf(event.data))) return null;
  const head = storeHistory[storeHistory.length - 1] ?? event;
  return {
    storeId: (event.data as StoreFields).storeId,
    before,
    now: postOf(head.data),
    position: event.globalPosition,
    at: event.recordedAt.toISOString(),
  };
}

/**
 * A case opened with an older version of its store than the directory holds now: the case opener
 * routed it before it read the change, and the change's own pass may have missed it. The owner
 * routing gave it moves only while that routing still stands.
 */
export function openingChangeOf(
  opened: RecordedEvent,
  storeId: string,
  before: StorePost | null,
  now: StorePost,
): (history: readonly RecordedEvent[]) => StoreChange {
  return (history) => {
    const assignments = history.filter((e) => e.type === 'CaseAssigned');
    const routing = assignments[0];
    const routed = routing !== undefined && assignments.length === 1;
    return {
      storeId,
      before,
      now,
      position: routed ? routing.globalPosition + 1n : 0n,
      at: opened.recordedAt.toISOString(),
    };
  };
}
