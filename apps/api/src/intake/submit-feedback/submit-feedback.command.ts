import { Command } from '@nestjs/cqrs';
import { FeedbackSubmission, ReceiveFeedbackOutcome } from '@heard/feedback';
import { Principal } from '@heard/http';

export class SubmitFeedbackCommand extends Command<ReceiveFeedbackOutcome> {
  constructor(
    readonly submission: FeedbackSubmission,
    readonly caller: Principal,
    readonly idempotencyKey: string | null,
    readonly correlationId: string | null,
  ) {
    super();
  }
}
