import { Query } from '@nestjs/cqrs';
import { FeedPageResponse } from './feed-item.response';

export class MyNoticesQuery extends Query<FeedPageResponse> {
  constructor(
    readonly customerId: string,
    readonly cursor: string | undefined,
    readonly limit: number | undefined,
  ) {
    super();
  }
}
