import { Query } from '@nestjs/cqrs';
import { CustomerFeedbackPage } from '@heard/feedback/read-models';

export class MyFeedbackQuery extends Query<CustomerFeedbackPage> {
  constructor(
    readonly customerId: string,
    readonly cursor: string | undefined,
    readonly limit: number | undefined,
  ) {
    super();
  }
}
