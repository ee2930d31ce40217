import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CaseActions } from '../shared/case-actions.service';
import { AcknowledgeCaseCommand } from './acknowledge-case.command';

@CommandHandler(AcknowledgeCaseCommand)
export class AcknowledgeCaseHandler implements ICommandHandler<AcknowledgeCaseCommand> {
  constructor(private readonly actions: CaseActions) {}

  execute({ target }: AcknowledgeCaseCommand) {
    return this.actions.run(target, ({ by, at }) => ({ type: 'AcknowledgeCase', by, at }));
  }
}
