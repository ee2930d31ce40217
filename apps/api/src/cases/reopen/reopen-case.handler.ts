import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CaseActions } from '../shared/case-actions.service';
import { ReopenCaseCommand } from './reopen-case.command';

@CommandHandler(ReopenCaseCommand)
export class ReopenCaseHandler implements ICommandHandler<ReopenCaseCommand> {
  constructor(private readonly actions: CaseActions) {}

  execute({ target, body }: ReopenCaseCommand) {
    return this.actions.run(target, ({ by, at }) => ({
      type: 'ReopenCase',
      by,
      at,
      reason: body.reason,
    }));
  }
}
