import { uuidV7 } from '@heard/event-store';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CaseActions } from '../shared/case-actions.service';
import { SendReplyCommand } from './send-reply.command';

@CommandHandler(SendReplyCommand)
export class SendReplyHandler implements ICommandHandler<SendReplyCommand> {
  constructor(private readonly actions: CaseActions) {}

  execute({ target, body }: SendReplyCommand) {
    return this.actions.run(target, ({ by, at }) => ({
      type: 'SendReply',
      by,
      at,
      replyId: uuidV7(new Date(at)),
      text: body.text,
    }));
  }
}
