import { CurrentPrincipal, Principal, Roles } from '@heard/http';
import { Body, Controller, Get, Put } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, AUTH_PROBLEMS } from '../../openapi/api-problems.decorator';
import { ApiDirectoryWriteErrors } from '../shared/directory-error.responses';
import { DIRECTORY_READERS, DIRECTORY_WRITERS } from '../shared/directory-roles';
import { orNotFound } from '../shared/or-not-found';
import { GetRoutingRulesQuery } from './get-routing-rules/get-routing-rules.query';
import { PublishRoutingRulesCommand } from './publish-routing-rules/publish-routing-rules.command';
import {
  PublishRoutingRulesRequest,
  ruleSetOf,
} from './publish-routing-rules/publish-routing-rules.request.dto';
import { presentRoutingRules, RoutingRulesResponse } from './routing-rules.response';

@ApiTags('directory')
@ApiBearerAuth()
@Controller('v1/routing-rules')
export class RoutingRulesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @Roles(...DIRECTORY_READERS)
  @ApiOperation({ summary: 'The live routing rules and their version' })
  @ApiOkResponse({ type: RoutingRulesResponse })
  @ApiProblems({
    ...AUTH_PROBLEMS,
    403: 'The caller is neither cx_admin nor regional_manager',
    404: 'No rules have been published yet',
  })
  async get(): Promise<RoutingRulesResponse> {
    const published = await this.queries.execute(new GetRoutingRulesQuery());
    return presentRoutingRules(orNotFound(published, 'routing rules are published yet'));
  }

  @Put()
  @Roles(...DIRECTORY_WRITERS)
  @ApiOperation({
    summary:
      'Publish a whole new rule set as the next version; the same rules again change nothing',
  })
  @ApiOkResponse({ type: RoutingRulesResponse, description: 'The rule set now live' })
  @ApiProblems({ 409: 'basedOnVersion is not the live version any more' })
  @ApiDirectoryWriteErrors()
  async put(
    @Body() body: PublishRoutingRulesRequest,
    @CurrentPrincipal() actor: Principal,
  ): Promise<RoutingRulesResponse> {
    const command = new PublishRoutingRulesCommand(ruleSetOf(body), actor);
    return presentRoutingRules(await this.commands.execute(command));
  }
}
