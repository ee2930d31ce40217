import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@heard/http';
import { ApiProblems, AUTH_PROBLEMS } from '../../openapi/api-problems.decorator';
import { LoopRateQuery } from './loop-rate.query';
import { LoopRateRequest } from './loop-rate.request.dto';
import { LoopRateResponse } from './loop-rate.response';

@ApiTags('loop')
@ApiBearerAuth()
@Controller('v1/loop/rate')
@Roles('store_manager', 'regional_manager', 'cx_admin')
export class LoopRateController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({
    summary: 'How often, and how fast, customers heard back',
    description:
      'For the feedback received in [from, to), per store, region or channel: the share of ' +
      'negative feedback whose author was sent the resolution of its case, the share of feedback ' +
      'linked to a shipped improvement whose author was sent "you changed this", and the median ' +
      'time from the feedback to that notice. cx_admin sees every store; a regional manager the ' +
      'stores of their regions; a store manager their stores. Read from the loop-rate read ' +
      'model, which trails the event log by a moment.',
  })
  @ApiOkResponse({ type: LoopRateResponse })
  @ApiProblems({ ...AUTH_PROBLEMS, 400: 'from, to or groupBy missing or breaking a rule' })
  rate(
    @CurrentPrincipal() viewer: Principal,
    @Query() request: LoopRateRequest,
  ): Promise<LoopRateResponse> {
    return this.queries.execute(new LoopRateQuery(viewer, request));
  }
}
