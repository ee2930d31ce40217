import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CaseActions } from '../shared/case-actions.service';
import { AwaitCustomerCommand } from './await-customer.command';

@CommandHandler(AwaitCustomerCommand)
export class AwaitCustomerHandler implements ICommandHandler<AwaitCustomerCommand> {
  constructor(private readonly actions: CaseActions) {}

  execute({ target, body }: AwaitCustomerCommand) {
    return this.actions.run(target, ({ by, at }) => ({
      type: 'AwaitCustomer',
      by,
      at,
      reason: body.reason,
    }));
  }
}
