import { Body, Controller, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CurrentPrincipal, Principal, Roles } from '@heard/http';
import { CaseAction } from '../shared/api-case-action.decorator';
import { CASE_ROLES } from '../shared/case-roles';
import { CaseAnswer } from '../shared/customer-case-summary.response';
import { IfMatch } from '../shared/if-match.decorator';
import { ChangePriorityCommand } from './change-priority.command';
import { ChangePriorityRequest } from './change-priority.request.dto';

@Controller('v1/cases')
@Roles(...CASE_ROLES)
export class ChangePriorityController {
  constructor(private readonly commands: CommandBus) {}

  @CaseAction('priority', 'Change the priority of an open case')
  changePriority(
    @Param('id') caseId: string,
    @IfMatch() expectedVersion: number,
    @CurrentPrincipal() actor: Principal,
    @Body() body: ChangePriorityRequest,
  ): Promise<CaseAnswer> {
    return this.commands.execute(
      new ChangePriorityCommand({ caseId, expectedVersion, actor }, body),
    );
  }
}
