import { Body, Controller, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CurrentPrincipal, Principal, Roles } from '@heard/http';
import { CaseAction } from '../shared/api-case-action.decorator';
import { CASE_ROLES } from '../shared/case-roles';
import { CaseAnswer } from '../shared/customer-case-summary.response';
import { IfMatch } from '../shared/if-match.decorator';
import { ResolveCaseCommand } from './resolve-case.command';
import { ResolveCaseRequest } from './resolve-case.request.dto';

@Controller('v1/cases')
@Roles(...CASE_ROLES)
export class ResolveCaseController {
  constructor(private readonly commands: CommandBus) {}

  @CaseAction('resolve', 'Resolve the case, with the message the customer receives')
  resolve(
    @Param('id') caseId: string,
    @IfMatch() expectedVersion: number,
    @CurrentPrincipal() actor: Principal,
    @Body() body: ResolveCaseRequest,
  ): Promise<CaseAnswer> {
    return this.commands.execute(new ResolveCaseCommand({ caseId, expectedVersion, actor }, body));
  }
}
