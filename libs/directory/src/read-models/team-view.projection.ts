import { defineProjection } from '@heard/projections';
import { TeamFields } from '../domain/team/team.events';
import { TeamMemberView } from './team-member-view.entity';
import { TeamView } from './team-view.entity';
import { evolveTeamView, TEAM_VIEW_EVENTS } from './team-view.evolve';

export const teamViewProjection = defineProjection({
  name: 'directory-teams',
  entities: [TeamView, TeamMemberView],
  handles: TEAM_VIEW_EVENTS,
  async apply(event, manager) {
    const { teamId } = event.data as TeamFields;
    const teams = manager.getRepository(TeamView);
    const members = manager.getRepository(TeamMemberView);
    const row = await teams.findOneBy({ teamId });
    const next = evolveTeamView(row, event);
    if (next === null) return;
    if (row === null) await teams.insert(next.team);
    else await teams.update({ teamId }, next.team);
    // Events carry the whole member set, so the stored set is replaced rather than diffed.
    await members.delete({ teamId });
    if (next.memberIds.length > 0) {
      await members.insert(next.memberIds.map((personId) => ({ teamId, personId })));
    }
  },
});
