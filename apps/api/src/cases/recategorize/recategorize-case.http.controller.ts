import { Body, Controller, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CurrentPrincipal, Principal, Roles } from '@heard/http';
import { CaseAction } from '../shared/api-case-action.decorator';
import { CASE_ROLES } from '../shared/case-roles';
import { CaseAnswer } from '../shared/customer-case-summary.response';
import { IfMatch } from '../shared/if-match.decorator';
import { RecategorizeCaseCommand } from './recategorize-case.command';
import { RecategorizeCaseRequest } from './recategorize-case.request.dto';

@Controller('v1/cases')
@Roles(...CASE_ROLES)
export class RecategorizeCaseController {
  constructor(private readonly commands: CommandBus) {}

  @CaseAction('category', 'Move the case to another category')
  recategorize(
    @Param('id') caseId: string,
    @IfMatch() expectedVersion: number,
    @CurrentPrincipal() actor: Principal,
    @Body() body: RecategorizeCaseRequest,
  ): Promise<CaseAnswer> {
    return this.commands.execute(
      new RecategorizeCaseCommand({ caseId, expectedVersion, actor }, body),
    );
  }
}
