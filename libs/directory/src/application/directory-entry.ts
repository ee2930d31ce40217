import type { Decider, DomainEvent, EventStore } from '@heard/event-store';
import { SnapshotState } from '../domain/shared/snapshot-state';
import { LoadedState, loadState, StreamStateCache } from './load-state';

/** A directory entry as queries return it: the current fields and when and by whom they were set. */
export interface DirectoryEntry<Fields> {
  readonly current: Fields;
  readonly version: number;
  readonly definedAt: string;
  readonly changedAt: string;
  readonly changedBy: string;
}

/**
 * Entries of one kind (stores, teams…) kept between queries by a long-running reader of one event
 * store. Each query still reads the events appended since, so it answers what an uncached query
 * would.
 */
export class EntryCache<Fields> extends StreamStateCache<SnapshotState<Fields>> {}

export interface EntryQueryOptions<Fields = unknown> {
  /** Answer as the entry stood at this time rather than now. */
  readonly asOf?: Date;
  /** Keep the entry here between queries; a query with `asOf` neither reads nor fills it. */
  readonly cache?: EntryCache<Fields>;
}

export async function loadEntry<Command, Event extends DomainEvent, Fields>(
  eventStore: EventStore,
  streamId: string,
  decider: Decider<Command, Event, SnapshotState<Fields>>,
  options: EntryQueryOptions<Fields> = {},
): Promise<DirectoryEntry<Fields> | null> {
  const { state, version }: LoadedState<SnapshotState<Fields>> =
    options.cache && options.asOf === undefined
      ? await options.cache.load(eventStore, streamId, decider)
      : await loadState(eventStore, streamId, decider, options.asOf);
  if (state.status === 'Undefined') return null;
  const { current, definedAt, changedAt, changedBy } = state;
  return { current, version, definedAt, changedAt, changedBy };
}
