import type { Decider } from '@heard/event-store';
import { TeamCommand } from './team.commands';
import { decideTeam } from './team.decide';
import { TeamEvent } from './team.events';
import { evolveTeam } from './team.evolve';
import { initialTeamState, TeamState } from './team.state';

export const teamDecider: Decider<TeamCommand, TeamEvent, TeamState> = {
  decide: decideTeam,
  evolve: evolveTeam,
  initialState: initialTeamState,
};
