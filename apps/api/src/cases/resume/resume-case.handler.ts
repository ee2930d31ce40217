import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CaseActions } from '../shared/case-actions.service';
import { ResumeCaseCommand } from './resume-case.command';

@CommandHandler(ResumeCaseCommand)
export class ResumeCaseHandler implements ICommandHandler<ResumeCaseCommand> {
  constructor(private readonly actions: CaseActions) {}

  execute({ target }: ResumeCaseCommand) {
    return this.actions.run(target, ({ by, at }) => ({ type: 'ResumeCase', by, at }));
  }
}
