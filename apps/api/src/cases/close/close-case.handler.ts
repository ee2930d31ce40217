import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CaseActions } from '../shared/case-actions.service';
import { CloseCaseCommand } from './close-case.command';

@CommandHandler(CloseCaseCommand)
export class CloseCaseHandler implements ICommandHandler<CloseCaseCommand> {
  constructor(private readonly actions: CaseActions) {}

  execute({ target }: CloseCaseCommand) {
    return this.actions.run(target, ({ by, at }) => ({ type: 'CloseCase', by, at }));
  }
}
