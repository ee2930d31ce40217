import { Body, Controller, Headers, HttpCode, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiHeader,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@heard/http';
import { ROLES } from '@heard/kernel';
import { correlationIdOf, idempotencyKeyOf } from '../http/request-headers';
import { HeaderWriter } from '../http/response-header';
import { AcceptedResponseDto, feedbackPath } from './accepted.response.dto';
import { FeedbackRequestDto } from './feedback.request.dto';
import { SubmitFeedbackCommand } from './submit-feedback.command';
import { ApiProblems, AUTH_PROBLEMS, UNREADABLE_BODY } from '../../openapi/api-problems.decorator';

@ApiTags('intake')
@ApiBearerAuth()
@Controller('v1/feedback')
export class SubmitFeedbackController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(202)
  @Roles(...ROLES)
  @ApiOperation({
    summary: 'Submit one piece of feedback',
    description:
      'Recorded durably before the answer. The same Idempotency-Key (per caller) or the same ' +
      'source pair answers the first result again and writes nothing; the same key with a ' +
      'different body is refused with 422. Only integrations and cx_admin may send source: a pair ' +
      'is namespaced by the integration that sent it (cx_admin imports share one namespace), so ' +
      "another caller's pair never collides or shows. A customer submits as itself (customer.id " +
      'is its token subject).',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false, example: '5f0c2a9e-retry-safe' })
  @ApiHeader({ name: 'X-Request-Id', required: false, description: 'Becomes the correlation id' })
  @ApiAcceptedResponse({ type: AcceptedResponseDto, description: 'Location: /v1/feedback/{id}' })
  @ApiProblems({
    ...AUTH_PROBLEMS,
    ...UNREADABLE_BODY,
    400: 'Invalid JSON, a malformed Idempotency-Key, or fields that break a rule (each in `errors`)',
    403: 'A customer submitting for another customer, source from a role other than integration and cx_admin, or a token with no known role',
    422: "Idempotency-Key, or the caller's own source pair, reused with a different request",
  })
  async submit(
    @Body() body: FeedbackRequestDto,
    @CurrentPrincipal() caller: Principal,
    @Headers() headers: Record<string, string | string[] | undefined>,
    @Res({ passthrough: true }) response: HeaderWriter,
  ): Promise<AcceptedResponseDto> {
    const outcome = await this.commands.execute(
      new SubmitFeedbackCommand(
        body,
        caller,
        idempotencyKeyOf(headers['idempotency-key']),
        correlationIdOf(headers),
      ),
    );
    const self = feedbackPath(outcome.feedbackId);
    response.header('Location', self);
    return { ...outcome, links: { self } };
  }
}
