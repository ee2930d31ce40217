import { Body, Controller, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CurrentPrincipal, Principal, Roles } from '@heard/http';
import { CaseAction } from '../shared/api-case-action.decorator';
import { CASE_ROLES } from '../shared/case-roles';
import { CaseAnswer } from '../shared/customer-case-summary.response';
import { IfMatch } from '../shared/if-match.decorator';
import { ReopenCaseCommand } from './reopen-case.command';
import { ReopenCaseRequest } from './reopen-case.request.dto';

@Controller('v1/cases')
@Roles(...CASE_ROLES)
export class ReopenCaseController {
  constructor(private readonly commands: CommandBus) {}

  @CaseAction('reopen', 'Reopen a resolved case; customers within 14 days of its resolution')
  reopen(
    @Param('id') caseId: string,
    @IfMatch() expectedVersion: number,
    @CurrentPrincipal() actor: Principal,
    @Body() body: ReopenCaseRequest,
  ): Promise<CaseAnswer> {
    return this.commands.execute(new ReopenCaseCommand({ caseId, expectedVersion, actor }, body));
  }
}
