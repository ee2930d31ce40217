import { Command } from '@nestjs/cqrs';
import { CaseActionTarget } from '../shared/case-action';
import { CaseAnswer } from '../shared/customer-case-summary.response';
import { SendReplyRequest } from './send-reply.request.dto';

export class SendReplyCommand extends Command<CaseAnswer> {
  constructor(
    readonly target: CaseActionTarget,
    readonly body: SendReplyRequest,
  ) {
    super();
  }
}
