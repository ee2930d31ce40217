import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CustomerFeedbackPage } from '@heard/feedback/read-models';
import { CurrentPrincipal, Principal, Roles } from '@heard/http';
import { MyFeedbackRequestDto } from './my-feedback.request.dto';
import { MyFeedbackPageDto } from './my-feedback.response.dto';
import { MyFeedbackQuery } from './my-feedback.query';
import { ApiProblems, AUTH_PROBLEMS } from '../../openapi/api-problems.decorator';

@ApiTags('intake')
@ApiBearerAuth()
@Controller('v1/me')
export class MyFeedbackController {
  constructor(private readonly queries: QueryBus) {}

  @Get('feedback')
  @Roles('customer')
  @ApiOperation({
    summary: "The calling customer's own feedback, newest first, with case status and replies",
    description: 'From a read model: a submission appears within moments, not instantly.',
  })
  @ApiOkResponse({ type: MyFeedbackPageDto })
  @ApiProblems({
    ...AUTH_PROBLEMS,
    400: 'A cursor or limit that breaks a rule',
    403: 'The caller is not a customer',
  })
  list(
    @Query() query: MyFeedbackRequestDto,
    @CurrentPrincipal() customer: Principal,
  ): Promise<CustomerFeedbackPage> {
    return this.queries.execute(new MyFeedbackQuery(customer.id, query.cursor, query.limit));
  }
}
