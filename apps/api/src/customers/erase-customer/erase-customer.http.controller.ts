import { CurrentPrincipal, Principal, Roles } from '@heard/http';
import { Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiProblems, AUTH_PROBLEMS, MALFORMED_PATH } from '../../openapi/api-problems.decorator';
import { EraseCustomerCommand } from './erase-customer.command';
import { ErasureResponse } from './erasure.response';

interface StatusReply {
  status(code: number): unknown;
}

@ApiTags('customers')
@ApiBearerAuth()
@Controller('v1/customers')
export class EraseCustomerController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/erasure')
  @Roles('cx_admin')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Forget a customer: delete their data keys, so nobody can read what they wrote again',
    description:
      'Appends CustomerErased (which holds no personal data). Names, contact details and the words of their feedback and replies read as "[erased]" from then on, in read models, rebuilds and the API; ratings, NPS, triage, cases and timelines stay. Feedback stored before personal data was sealed keeps its plain text in the events (see README, "Personal data").',
  })
  @ApiOkResponse({ type: ErasureResponse, description: 'Erased, read models included' })
  @ApiAcceptedResponse({
    type: ErasureResponse,
    description: 'Keys deleted; the read models had not caught up in time: ask again',
  })
  @ApiProblems({
    ...AUTH_PROBLEMS,
    ...MALFORMED_PATH,
    403: 'Only cx_admin may erase a customer (or the token has no known role)',
    422: 'id is not a customer id',
  })
  async erase(
    @Param('id') customerId: string,
    @CurrentPrincipal() actor: Principal,
    @Res({ passthrough: true }) reply: StatusReply,
  ): Promise<ErasureResponse> {
    const outcome = await this.commands.execute(new EraseCustomerCommand(customerId, actor));
    if (outcome.readModels === 'pending') reply.status(202);
    return outcome;
  }
}
