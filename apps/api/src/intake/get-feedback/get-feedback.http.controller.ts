import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { FeedbackDetails } from '@heard/feedback';
import { CurrentPrincipal, Principal, Roles } from '@heard/http';
import { ROLES } from '@heard/kernel';
import { FeedbackResponseDto } from './feedback.response.dto';
import { GetFeedbackQuery } from './get-feedback.query';
import { ApiProblems, AUTH_PROBLEMS, MALFORMED_PATH } from '../../openapi/api-problems.decorator';

@ApiTags('intake')
@ApiBearerAuth()
@Controller('v1/feedback')
export class GetFeedbackController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id')
  @Roles(...ROLES)
  @ApiOperation({
    summary: 'One piece of feedback with its triage and case',
    description:
      'Read from the event store, so it is there as soon as the submission was answered. ' +
      "A customer sees only its own; an agent the feedback of cases in its teams' queues or " +
      'assigned to it; a store or regional manager that of its stores and regions and of cases ' +
      'it may read; an integration (and any staff caller) what it submitted; cx_admin all. ' +
      'Anything else is 404, as if it did not exist.',
  })
  @ApiParam({ name: 'id', example: '0193e7a0-5b1c-7d3e-9f00-1a2b3c4d5e6f' })
  @ApiOkResponse({ type: FeedbackResponseDto })
  @ApiProblems({
    ...AUTH_PROBLEMS,
    ...MALFORMED_PATH,
    404: 'Unknown, or not visible to the caller',
  })
  get(@Param('id') id: string, @CurrentPrincipal() viewer: Principal): Promise<FeedbackDetails> {
    return this.queries.execute(new GetFeedbackQuery(id, viewer));
  }
}
