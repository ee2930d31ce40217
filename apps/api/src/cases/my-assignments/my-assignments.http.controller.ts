import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@heard/http';
import { CasePageResponse } from '../shared/case-page.response';
import { STAFF_ROLES } from '../shared/case-roles';
import { CasePageRequest } from '../shared/page.request.dto';
import { MyAssignmentsQuery } from './my-assignments.query';
import { ApiProblems, AUTH_PROBLEMS } from '../../openapi/api-problems.decorator';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('v1/me/assignments')
@Roles(...STAFF_ROLES)
export class MyAssignmentsController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({
    summary: 'Open cases on my plate, by deadline',
    description:
      'Open and awaiting-customer cases the caller owns, that were escalated to them, or that ' +
      'belong to the stores they manage.',
  })
  @ApiOkResponse({ type: CasePageResponse })
  @ApiProblems({ ...AUTH_PROBLEMS, 400: 'A filter, cursor or limit that breaks a rule' })
  list(
    @CurrentPrincipal() viewer: Principal,
    @Query() page: CasePageRequest,
  ): Promise<CasePageResponse> {
    return this.queries.execute(new MyAssignmentsQuery(viewer, page));
  }
}
