import { Body, Controller, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CurrentPrincipal, Principal, Roles } from '@heard/http';
import { CaseAction } from '../shared/api-case-action.decorator';
import { CASE_ROLES } from '../shared/case-roles';
import { CaseAnswer } from '../shared/customer-case-summary.response';
import { IfMatch } from '../shared/if-match.decorator';
import { EscalateCaseCommand } from './escalate-case.command';
import { EscalateCaseRequest } from './escalate-case.request.dto';

@Controller('v1/cases')
@Roles(...CASE_ROLES)
export class EscalateCaseController {
  constructor(private readonly commands: CommandBus) {}

  @CaseAction(
    'escalate',
    'Escalate the case one level up, to a named person',
    '`to` must be a person with a staff role in the directory (422 naming `to` otherwise). From ' +
      'then on they may read and work the case, and find it in /v1/me/assignments while it is ' +
      'open; the owner stays. A case the caller cannot see is 404 whatever `to` names.',
  )
  escalate(
    @Param('id') caseId: string,
    @IfMatch() expectedVersion: number,
    @CurrentPrincipal() actor: Principal,
    @Body() body: EscalateCaseRequest,
  ): Promise<CaseAnswer> {
    return this.commands.execute(new EscalateCaseCommand({ caseId, expectedVersion, actor }, body));
  }
}
