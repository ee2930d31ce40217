import { Body, Controller, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CurrentPrincipal, Principal, Roles } from '@heard/http';
import { CaseAction } from '../shared/api-case-action.decorator';
import { CASE_ROLES } from '../shared/case-roles';
import { CaseAnswer } from '../shared/customer-case-summary.response';
import { IfMatch } from '../shared/if-match.decorator';
import { SendReplyCommand } from './send-reply.command';
import { SendReplyRequest } from './send-reply.request.dto';

@Controller('v1/cases')
@Roles(...CASE_ROLES)
export class SendReplyController {
  constructor(private readonly commands: CommandBus) {}

  @CaseAction(
    'replies',
    'Reply on the case: staff to the customer, or the customer to staff',
    'A customer may reply on their own case, also within 14 days of its resolution; a reply to a case waiting for the customer resumes its deadline clock.',
  )
  reply(
    @Param('id') caseId: string,
    @IfMatch() expectedVersion: number,
    @CurrentPrincipal() actor: Principal,
    @Body() body: SendReplyRequest,
  ): Promise<CaseAnswer> {
    return this.commands.execute(new SendReplyCommand({ caseId, expectedVersion, actor }, body));
  }
}
