import { EventStore, handleCommand, HandleResult } from '@heard/event-store';
import { requireId, requireIdSet } from '../../domain/shared/ids';
import { PutTeam } from '../../domain/team/team.commands';
import { teamDecider } from '../../domain/team/team.decider';
import { TeamEvent } from '../../domain/team/team.events';
import { TeamState, teamStreamId } from '../../domain/team/team.state';
import { CommandContext, stampEnvelope } from '../command-context';
import { requirePerson } from '../references';

export async function putTeam(
  eventStore: EventStore,
  command: PutTeam,
  context: CommandContext = {},
): Promise<HandleResult<TeamEvent, TeamState>> {
  const teamId = requireId(command.teamId, 'teamId');
  requireIdSet(command.memberIds, 'memberIds');
  for (const [i, memberId] of command.memberIds.entries()) {
    await requirePerson(eventStore, memberId, `memberIds[${i}]`);
  }
  return handleCommand(eventStore, teamStreamId(teamId), teamDecider, command, {
    envelope: stampEnvelope(context),
  });
}
