import { SnapshotState, undefinedSnapshot } from '../shared/snapshot-state';
import { TeamFields } from './team.events';

export type TeamState = SnapshotState<TeamFields>;

export const initialTeamState = (): TeamState => undefinedSnapshot;

export const teamStreamId = (teamId: string): string => `team-${teamId}`;
