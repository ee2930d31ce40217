import { Controller, Get, Param, UseInterceptors } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@heard/http';
import { CASE_ROLES } from '../shared/case-roles';
import { VersionEtagInterceptor } from '../shared/version-etag.interceptor';
import { CaseDetailsResponse } from './case-details.response';
import { CustomerCaseDetailsResponse } from './customer-case-details.response';
import { GetCaseQuery } from './get-case.query';
import { ApiProblems, AUTH_PROBLEMS, MALFORMED_PATH } from '../../openapi/api-problems.decorator';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('v1/cases')
@Roles(...CASE_ROLES)
export class GetCaseController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id')
  @UseInterceptors(VersionEtagInterceptor)
  @ApiOperation({
    summary: 'One case with its whole timeline: who did what, when and why',
    description:
      'ETag and `version` name the version to send as If-Match. A customer sees only what was ' +
      'meant for them (CustomerCaseDetailsResponse): no owner, team, region, priority, ' +
      'escalations, notes or internal reasons. A case outside the caller’s scope is 404, as if ' +
      'it did not exist.',
  })
  @ApiParam({ name: 'id', example: '0193e7a0-5b1c-7d3e-9f00-1a2b3c4d5e6f' })
  @ApiExtraModels(CaseDetailsResponse, CustomerCaseDetailsResponse)
  @ApiOkResponse({
    schema: {
      anyOf: [
        { $ref: getSchemaPath(CaseDetailsResponse) },
        { $ref: getSchemaPath(CustomerCaseDetailsResponse) },
      ],
    },
  })
  @ApiProblems({
    ...AUTH_PROBLEMS,
    ...MALFORMED_PATH,
    404: 'No such case, or not visible to the caller',
  })
  get(
    @Param('id') caseId: string,
    @CurrentPrincipal() viewer: Principal,
  ): Promise<CaseDetailsResponse | CustomerCaseDetailsResponse> {
    return this.queries.execute(new GetCaseQuery(caseId, viewer));
  }
}
