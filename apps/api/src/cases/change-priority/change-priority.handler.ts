import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CaseActions } from '../shared/case-actions.service';
import { ChangePriorityCommand } from './change-priority.command';

@CommandHandler(ChangePriorityCommand)
export class ChangePriorityHandler implements ICommandHandler<ChangePriorityCommand> {
  constructor(private readonly actions: CaseActions) {}

  execute({ target, body }: ChangePriorityCommand) {
    return this.actions.run(target, ({ by, at }) => ({
      type: 'ChangePriority',
      by,
      at,
      priority: body.priority,
      reason: body.reason ?? null,
    }));
  }
}
