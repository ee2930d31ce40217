import { HeardConfig } from '@heard/config';
import { EventStore } from '@heard/event-store';
import { listCustomerNotices, renderFeed } from '@heard/loop/subscriptions';
import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { EVENT_STORE, HEARD_CONFIG, READ_MODELS } from '../../platform/tokens';
import { noticeCursorOf } from '../shared/notice-cursor-of';
import { FeedPageResponse } from './feed-item.response';
import { MyNoticesQuery } from './my-notices.query';

@QueryHandler(MyNoticesQuery)
export class MyNoticesHandler implements IQueryHandler<MyNoticesQuery> {
  constructor(
    @Inject(READ_MODELS) private readonly readModels: DataSource,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(HEARD_CONFIG) private readonly config: HeardConfig,
  ) {}

  async execute({ customerId, cursor, limit }: MyNoticesQuery): Promise<FeedPageResponse> {
    const page = await listCustomerNotices(this.readModels, customerId, {
      after: noticeCursorOf(cursor),
      limit: limit ?? 20,
      sentOnly: true,
    });
    const items = await renderFeed(this.store, customerId, page.items, this.config);
    return { items, nextCursor: page.nextCursor };
  }
}
