import { Roles } from '@heard/http';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, AUTH_PROBLEMS, MALFORMED_PATH } from '../../openapi/api-problems.decorator';
import { NoticePageRequest } from '../shared/notice-page.request.dto';
import { CustomerNoticesQuery } from './customer-notices.query';
import { NoticeStatePageResponse } from './notice-state.response';

@ApiTags('notices')
@ApiBearerAuth()
@Controller('v1/customers')
export class CustomerNoticesController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id/notices')
  @Roles('cx_admin')
  @ApiOperation({
    summary:
      "A customer's notices and where each stands: scheduled, deferred, sending, sent, failed, suppressed",
    description:
      'Attempts, the last error (an SMTP code or HTTP status), whether it was final, why a notice was suppressed or deferred. Never what a notice says.',
  })
  @ApiOkResponse({ type: NoticeStatePageResponse })
  @ApiProblems({
    ...AUTH_PROBLEMS,
    ...MALFORMED_PATH,
    400: 'A cursor or limit that breaks a rule',
    403: 'Only cx_admin may read a customer’s notices',
    422: 'id is not a customer id',
  })
  list(
    @Param('id') customerId: string,
    @Query() query: NoticePageRequest,
  ): Promise<NoticeStatePageResponse> {
    return this.queries.execute(new CustomerNoticesQuery(customerId, query.cursor, query.limit));
  }
}
