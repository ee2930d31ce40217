import { Query } from '@nestjs/cqrs';
import { FeedbackDetails } from '@heard/feedback';
import { Principal } from '@heard/http';

export class GetFeedbackQuery extends Query<FeedbackDetails> {
  constructor(
    readonly feedbackId: string,
    readonly viewer: Principal,
  ) {
    super();
  }
}
