import type { DomainEvent, HandleResult } from '@heard/event-store';
import { SnapshotState } from '../domain/shared/snapshot-state';
import { DirectoryEntry } from './directory-entry';

/** What a put left behind, changed or not, in the shape the entry queries answer. */
export function entryOfResult<Fields>(
  result: HandleResult<DomainEvent, SnapshotState<Fields>>,
): DirectoryEntry<Fields> {
  const { state, version } = result;
  if (state.status === 'Undefined') throw new Error('a put always leaves its entry defined');
  const { current, definedAt, changedAt, changedBy } = state;
  return { current, version, definedAt, changedAt, changedBy };
}
