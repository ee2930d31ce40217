import type { EventStore } from '@heard/event-store';
import { teamDecider } from '../../domain/team/team.decider';
import { TeamFields } from '../../domain/team/team.events';
import { teamStreamId } from '../../domain/team/team.state';
import { DirectoryEntry, EntryQueryOptions, loadEntry } from '../directory-entry';

export function getTeam(
  eventStore: EventStore,
  teamId: string,
  options: EntryQueryOptions<TeamFields> = {},
): Promise<DirectoryEntry<TeamFields> | null> {
  return loadEntry(eventStore, teamStreamId(teamId), teamDecider, options);
}
