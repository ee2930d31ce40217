import { Body, Controller, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CurrentPrincipal, Principal, Roles } from '@heard/http';
import { CaseAction } from '../shared/api-case-action.decorator';
import { CASE_ROLES } from '../shared/case-roles';
import { CaseAnswer } from '../shared/customer-case-summary.response';
import { IfMatch } from '../shared/if-match.decorator';
import { AssignCaseCommand } from './assign-case.command';
import { AssignCaseRequest } from './assign-case.request.dto';

@Controller('v1/cases')
@Roles(...CASE_ROLES)
export class AssignCaseController {
  constructor(private readonly commands: CommandBus) {}

  @CaseAction(
    'assign',
    'Assign the case to a person by hand',
    'Staff who can see the case may hand it to anyone with a staff role; 422 names an unknown ' +
      'owner or team. A case the caller cannot see is 404 whatever the body names.',
  )
  assign(
    @Param('id') caseId: string,
    @IfMatch() expectedVersion: number,
    @CurrentPrincipal() actor: Principal,
    @Body() body: AssignCaseRequest,
  ): Promise<CaseAnswer> {
    return this.commands.execute(new AssignCaseCommand({ caseId, expectedVersion, actor }, body));
  }
}
