import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CaseActions } from '../shared/case-actions.service';
import { ResolveCaseCommand } from './resolve-case.command';

@CommandHandler(ResolveCaseCommand)
export class ResolveCaseHandler implements ICommandHandler<ResolveCaseCommand> {
  constructor(private readonly actions: CaseActions) {}

  execute({ target, body }: ResolveCaseCommand) {
    return this.actions.run(target, ({ by, at }) => ({
      type: 'ResolveCase',
      by,
      at,
      code: body.code,
      summary: body.summary,
      customerMessage: body.customerMessage,
    }));
  }
}
