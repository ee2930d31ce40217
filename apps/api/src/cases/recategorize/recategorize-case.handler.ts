import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CaseActions } from '../shared/case-actions.service';
import { RecategorizeCaseCommand } from './recategorize-case.command';

@CommandHandler(RecategorizeCaseCommand)
export class RecategorizeCaseHandler implements ICommandHandler<RecategorizeCaseCommand> {
  constructor(private readonly actions: CaseActions) {}

  execute({ target, body }: RecategorizeCaseCommand) {
    return this.actions.run(target, ({ by, at }) => ({
      type: 'RecategorizeCase',
      by,
      at,
      category: body.category,
    }));
  }
}
