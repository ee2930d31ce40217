import { CurrentPrincipal, Principal, Roles } from '@heard/http';
import { Body, Controller, Get, Put } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, AUTH_PROBLEMS } from '../../openapi/api-problems.decorator';
import { ApiSlaConfigWriteErrors } from '../shared/sla-error.responses';
import { SLA_CONFIG_WRITERS, SLA_POLICY_READERS } from '../shared/sla-roles';
import { GetSlaPoliciesQuery } from './get-sla-policies/get-sla-policies.query';
import { PublishSlaPoliciesCommand } from './publish-sla-policies/publish-sla-policies.command';
import {
  policySetOf,
  PublishSlaPoliciesRequest,
} from './publish-sla-policies/publish-sla-policies.request.dto';
import { presentSlaPolicies, SlaPoliciesResponse } from './sla-policies.response';

@ApiTags('sla')
@ApiBearerAuth()
@Controller('v1/sla-policies')
export class SlaPoliciesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @Roles(...SLA_POLICY_READERS)
  @ApiOperation({
    summary:
      'The live SLA policies and their version; the built-in default (version 0) until one is published',
  })
  @ApiOkResponse({ type: SlaPoliciesResponse })
  @ApiProblems({
    ...AUTH_PROBLEMS,
    403: 'The caller is neither cx_admin nor regional_manager',
  })
  async get(): Promise<SlaPoliciesResponse> {
    return presentSlaPolicies(await this.queries.execute(new GetSlaPoliciesQuery()));
  }

  @Put()
  @Roles(...SLA_CONFIG_WRITERS)
  @ApiOperation({
    summary:
      'Publish a whole new policy list as the next version; the same list again changes nothing',
  })
  @ApiOkResponse({ type: SlaPoliciesResponse, description: 'The policies now live' })
  @ApiSlaConfigWriteErrors({
    409: 'basedOnVersion is not the live version any more',
    422: 'A person, team, store or region the policies name is not in the directory; `errors` names the field',
  })
  async put(
    @Body() body: PublishSlaPoliciesRequest,
    @CurrentPrincipal() actor: Principal,
  ): Promise<SlaPoliciesResponse> {
    const command = new PublishSlaPoliciesCommand(policySetOf(body), actor);
    return presentSlaPolicies(await this.commands.execute(command));
  }
}
