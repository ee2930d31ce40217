import { Command } from '@nestjs/cqrs';
import { CaseActionTarget } from '../shared/case-action';
import { CaseAnswer } from '../shared/customer-case-summary.response';
import { AwaitCustomerRequest } from './await-customer.request.dto';

export class AwaitCustomerCommand extends Command<CaseAnswer> {
  constructor(
    readonly target: CaseActionTarget,
    readonly body: AwaitCustomerRequest,
  ) {
    super();
  }
}
