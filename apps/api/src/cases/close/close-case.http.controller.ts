import { Controller, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CurrentPrincipal, Principal, Roles } from '@heard/http';
import { CaseAction } from '../shared/api-case-action.decorator';
import { CASE_ROLES } from '../shared/case-roles';
import { CaseAnswer } from '../shared/customer-case-summary.response';
import { IfMatch } from '../shared/if-match.decorator';
import { CloseCaseCommand } from './close-case.command';

@Controller('v1/cases')
@Roles(...CASE_ROLES)
export class CloseCaseController {
  constructor(private readonly commands: CommandBus) {}

  @CaseAction('close', 'Close a resolved case for good')
  close(
    @Param('id') caseId: string,
    @IfMatch() expectedVersion: number,
    @CurrentPrincipal() actor: Principal,
  ): Promise<CaseAnswer> {
    return this.commands.execute(new CloseCaseCommand({ caseId, expectedVersion, actor }));
  }
}
