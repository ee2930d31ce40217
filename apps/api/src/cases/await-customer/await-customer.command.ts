import { Command } from '@nestjs/cqrs';
import { CaseActionTarget } from '../shared/case-action';
import { CaseSummaryResponse } from '../shared/case-summary.response';
import { AwaitCustomerRequest } from './await-customer.request.dto';

export class AwaitCustomerCommand extends Command<CaseSummaryResponse> {
  constructor(
    readonly target: CaseActionTarget,
    readonly body: AwaitCustomerRequest,
  ) {
    super();
  }
}
