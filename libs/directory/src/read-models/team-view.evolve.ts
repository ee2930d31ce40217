import type { RecordedEvent } from '@heard/event-store';
import { unreachable } from '../domain/shared/unreachable';
import { TeamEvent } from '../domain/team/team.events';
import { alreadyReflects } from './already-reflects';
import { TeamView } from './team-view.entity';

export const TEAM_VIEW_EVENTS: readonly TeamEvent['type'][] = ['TeamDefined', 'TeamChanged'];

/** A team row and the whole member set that replaces the stored one. */
export interface TeamViewRows {
  readonly team: TeamView;
  readonly memberIds: readonly string[];
}

/** The rows to write after `event`, or null when the team row already reflects it. */
export function evolveTeamView(row: TeamView | null, event: RecordedEvent): TeamViewRows | null {
  if (alreadyReflects(row, event)) return null;
  const stored = { type: event.type, data: event.data } as TeamEvent;
  switch (stored.type) {
    case 'TeamDefined':
    case 'TeamChanged': {
      const { teamId, name, queue, memberIds } = stored.data;
      return {
        team: { teamId, name, queue, version: event.streamVersion, updatedAt: event.occurredAt },
        memberIds,
      };
    }
    default:
      return unreachable(stored, 'team event');
  }
}
