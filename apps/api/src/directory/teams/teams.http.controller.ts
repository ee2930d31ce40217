import { CurrentPrincipal, Principal, Roles } from '@heard/http';
import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, AUTH_PROBLEMS, MALFORMED_PATH } from '../../openapi/api-problems.decorator';
import { ApiDirectoryWriteErrors } from '../shared/directory-error.responses';
import { DIRECTORY_READERS, DIRECTORY_WRITERS } from '../shared/directory-roles';
import { orNotFound } from '../shared/or-not-found';
import { GetTeamQuery } from './get-team/get-team.query';
import { PutTeamCommand } from './put-team/put-team.command';
import { PutTeamRequest } from './put-team/put-team.request.dto';
import { presentTeam, TeamResponse } from './team.response';

@ApiTags('directory')
@ApiBearerAuth()
@Controller('v1/teams')
export class TeamsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Put(':id')
  @Roles(...DIRECTORY_WRITERS)
  @ApiOperation({ summary: 'Create or replace a team; an unchanged one is answered as it is' })
  @ApiOkResponse({ type: TeamResponse, description: 'The team as it now stands' })
  @ApiDirectoryWriteErrors()
  async put(
    @Param('id') teamId: string,
    @Body() body: PutTeamRequest,
    @CurrentPrincipal() actor: Principal,
  ): Promise<TeamResponse> {
    const team = { teamId, name: body.name, memberIds: body.memberIds, queue: body.queue };
    return presentTeam(await this.commands.execute(new PutTeamCommand(team, actor)));
  }

  @Get(':id')
  @Roles(...DIRECTORY_READERS)
  @ApiOperation({ summary: 'A team and its members' })
  @ApiOkResponse({ type: TeamResponse })
  @ApiProblems({
    ...AUTH_PROBLEMS,
    ...MALFORMED_PATH,
    403: 'The caller is neither cx_admin nor regional_manager',
    404: 'No team has this id',
  })
  async get(@Param('id') teamId: string): Promise<TeamResponse> {
    const entry = await this.queries.execute(new GetTeamQuery(teamId));
    return presentTeam(orNotFound(entry, `team ${teamId}`));
  }
}
