import type { Decider, DomainEvent, EventStore } from '@heard/event-store';
import { SnapshotState } from '../domain/shared/snapshot-state';
import { loadState } from './load-state';

/** A directory entry as queries return it: the current fields and when and by whom they were set. */
export interface DirectoryEntry<Fields> {
  readonly current: Fields;
  readonly version: number;
  readonly definedAt: string;
  readonly changedAt: string;
  readonly changedBy: string;
}

export interface EntryQueryOptions {
  /** Answer as the entry stood at this time rather than now. */
  readonly asOf?: Date;
}

export async function loadEntry<Command, Event extends DomainEvent, Fields>(
  eventStore: EventStore,
  streamId: string,
  decider: Decider<Command, Event, SnapshotState<Fields>>,
  options: EntryQueryOptions = {},
): Promise<DirectoryEntry<Fields> | null> {
  const { state, version } = await loadState(eventStore, streamId, decider, options.asOf);
  if (state.status === 'Undefined') return null;
  const { current, definedAt, changedAt, changedBy } = state;
  return { current, version, definedAt, changedAt, changedBy };
}
