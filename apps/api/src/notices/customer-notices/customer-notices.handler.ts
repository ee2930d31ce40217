import { listCustomerNotices } from '@heard/loop/subscriptions';
import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { requireCustomerId } from '../../customers/preferences/customer-id';
import { READ_MODELS } from '../../platform/tokens';
import { noticeCursorOf } from '../shared/notice-cursor-of';
import { CustomerNoticesQuery } from './customer-notices.query';
import { NoticeStatePageResponse, noticeStateOf } from './notice-state.response';

@QueryHandler(CustomerNoticesQuery)
export class CustomerNoticesHandler implements IQueryHandler<CustomerNoticesQuery> {
  constructor(@Inject(READ_MODELS) private readonly readModels: DataSource) {}

  async execute({
    customerId,
    cursor,
    limit,
  }: CustomerNoticesQuery): Promise<NoticeStatePageResponse> {
    const page = await listCustomerNotices(this.readModels, requireCustomerId(customerId), {
      after: noticeCursorOf(cursor),
      limit: limit ?? 20,
    });
    return { items: page.items.map(noticeStateOf), nextCursor: page.nextCursor };
  }
}
