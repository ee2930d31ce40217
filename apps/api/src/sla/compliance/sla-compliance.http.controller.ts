import { CurrentPrincipal, Principal, Roles } from '@heard/http';
import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, AUTH_PROBLEMS, UNREADABLE_BODY } from '../../openapi/api-problems.decorator';
import { CompliancePeriodRequest } from './compliance-period.request.dto';
import { COMPLIANCE_READERS } from './compliance-roles';
import { SlaComplianceResponse, WhatIfResponse } from './compliance.response';
import { GetSlaComplianceQuery } from './get-sla-compliance.query';
import { SlaWhatIfQuery } from './sla-what-if.query';
import { WhatIfRequest } from './what-if.request.dto';

const FORBIDDEN = 'The caller is neither cx_admin nor regional_manager';

@ApiTags('sla')
@ApiBearerAuth()
@Controller('v1/sla')
@Roles(...COMPLIANCE_READERS)
export class SlaComplianceController {
  constructor(private readonly queries: QueryBus) {}

  @Get('compliance')
  @ApiOperation({
    summary: 'SLA compliance over a period, per group and target kind',
    description:
      'Targets due in [from, to) under the policies their cases opened under: how many were met ' +
      'and breached, and the median and p90 time taken, in business and wall-clock time. A ' +
      "region lead counts their regions' cases only. Read from the sla-compliance read model, " +
      'which trails the event log by a moment.',
  })
  @ApiOkResponse({ type: SlaComplianceResponse })
  @ApiProblems({
    ...AUTH_PROBLEMS,
    400: 'from or to is not an instant with an offset, to is not after from, the period is longer than 366 days, or groupBy is not one of the groupings',
    403: FORBIDDEN,
  })
  compliance(
    @CurrentPrincipal() viewer: Principal,
    @Query() request: CompliancePeriodRequest,
  ): Promise<SlaComplianceResponse> {
    return this.queries.execute(new GetSlaComplianceQuery(viewer, request));
  }

  @Post('what-if')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Replay the cases opened in a past period under draft SLA policies',
    description:
      'The recorded histories of the cases opened in [from, to) replayed under the draft as of ' +
      'now, leaving out the warnings, breaches and escalations the recorded policies caused, ' +
      'beside the same cases as they were counted (actual), with the same figures as ' +
      'compliance. The draft is checked as PUT /v1/sla-policies checks it; nothing is written.',
  })
  @ApiOkResponse({ type: WhatIfResponse })
  @ApiProblems({
    ...AUTH_PROBLEMS,
    ...UNREADABLE_BODY,
    400: 'A draft policy, from, to or groupBy breaks a rule (the same as PUT /v1/sla-policies for the draft); `errors` names each field and rule',
    403: FORBIDDEN,
  })
  whatIf(
    @CurrentPrincipal() viewer: Principal,
    @Body() request: WhatIfRequest,
  ): Promise<WhatIfResponse> {
    return this.queries.execute(new SlaWhatIfQuery(viewer, request));
  }
}
