import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CaseActions } from '../shared/case-actions.service';
import { EscalateCaseCommand } from './escalate-case.command';

@CommandHandler(EscalateCaseCommand)
export class EscalateCaseHandler implements ICommandHandler<EscalateCaseCommand> {
  constructor(private readonly actions: CaseActions) {}

  execute({ target, body }: EscalateCaseCommand) {
    return this.actions.run(target, ({ by, at }) => ({
      type: 'EscalateCase',
      by,
      at,
      to: body.to,
      reason: body.reason,
    }));
  }
}
