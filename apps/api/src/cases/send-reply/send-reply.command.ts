import { Command } from '@nestjs/cqrs';
import { CaseActionTarget } from '../shared/case-action';
import { CaseSummaryResponse } from '../shared/case-summary.response';
import { SendReplyRequest } from './send-reply.request.dto';

export class SendReplyCommand extends Command<CaseSummaryResponse> {
  constructor(
    readonly target: CaseActionTarget,
    readonly body: SendReplyRequest,
  ) {
    super();
  }
}
