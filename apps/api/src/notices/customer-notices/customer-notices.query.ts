import { Query } from '@nestjs/cqrs';
import { NoticeStatePageResponse } from './notice-state.response';

export class CustomerNoticesQuery extends Query<NoticeStatePageResponse> {
  constructor(
    readonly customerId: string,
    readonly cursor: string | undefined,
    readonly limit: number | undefined,
  ) {
    super();
  }
}
