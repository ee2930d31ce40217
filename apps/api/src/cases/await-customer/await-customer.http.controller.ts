import { Body, Controller, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CurrentPrincipal, Principal, Roles } from '@heard/http';
import { CaseAction } from '../shared/api-case-action.decorator';
import { CASE_ROLES } from '../shared/case-roles';
import { CaseAnswer } from '../shared/customer-case-summary.response';
import { IfMatch } from '../shared/if-match.decorator';
import { AwaitCustomerCommand } from './await-customer.command';
import { AwaitCustomerRequest } from './await-customer.request.dto';

@Controller('v1/cases')
@Roles(...CASE_ROLES)
export class AwaitCustomerController {
  constructor(private readonly commands: CommandBus) {}

  @CaseAction('await-customer', 'Wait for the customer: the deadline clock pauses')
  awaitCustomer(
    @Param('id') caseId: string,
    @IfMatch() expectedVersion: number,
    @CurrentPrincipal() actor: Principal,
    @Body() body: AwaitCustomerRequest,
  ): Promise<CaseAnswer> {
    return this.commands.execute(
      new AwaitCustomerCommand({ caseId, expectedVersion, actor }, body),
    );
  }
}
