import { Body, Controller, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CurrentPrincipal, Principal, Roles } from '@heard/http';
import { CaseAction } from '../shared/api-case-action.decorator';
import { CASE_ROLES } from '../shared/case-roles';
import { CaseSummaryResponse } from '../shared/case-summary.response';
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
  ): Promise<CaseSummaryResponse> {
    return this.commands.execute(
      new ChangePriorityCommand({ caseId, expectedVersion, actor }, body),
    );
  }
}
