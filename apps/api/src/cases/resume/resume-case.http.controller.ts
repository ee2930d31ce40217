import { Controller, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CurrentPrincipal, Principal, Roles } from '@heard/http';
import { CaseAction } from '../shared/api-case-action.decorator';
import { CASE_ROLES } from '../shared/case-roles';
import { CaseAnswer } from '../shared/customer-case-summary.response';
import { IfMatch } from '../shared/if-match.decorator';
import { ResumeCaseCommand } from './resume-case.command';

@Controller('v1/cases')
@Roles(...CASE_ROLES)
export class ResumeCaseController {
  constructor(private readonly commands: CommandBus) {}

  @CaseAction(
    'resume',
    'Resume a case that waited for the customer; the deadline moves by the pause',
  )
  resume(
    @Param('id') caseId: string,
    @IfMatch() expectedVersion: number,
    @CurrentPrincipal() actor: Principal,
  ): Promise<CaseAnswer> {
    return this.commands.execute(new ResumeCaseCommand({ caseId, expectedVersion, actor }));
  }
}
