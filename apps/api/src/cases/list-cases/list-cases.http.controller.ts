import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@heard/http';
import { CasePageResponse } from '../shared/case-page.response';
import { CASE_ROLES } from '../shared/case-roles';
import { ListCasesQuery } from './list-cases.query';
import { ListCasesRequest } from './list-cases.request.dto';
import { ApiProblems, AUTH_PROBLEMS } from '../../openapi/api-problems.decorator';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('v1/cases')
@Roles(...CASE_ROLES)
export class ListCasesController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({
    summary: 'Cases the caller may see, by deadline',
    description:
      'cx_admin sees all; staff the cases of their stores, regions and teams, those they own and ' +
      'those escalated to them; a customer their own, without owner, team, region, priority or ' +
      'escalations. Read from the case list, which trails the event log by a moment.',
  })
  @ApiOkResponse({ type: CasePageResponse })
  @ApiProblems({ ...AUTH_PROBLEMS, 400: 'A filter, cursor or limit that breaks a rule' })
  list(
    @CurrentPrincipal() viewer: Principal,
    @Query() request: ListCasesRequest,
  ): Promise<CasePageResponse> {
    return this.queries.execute(new ListCasesQuery(viewer, request));
  }
}
