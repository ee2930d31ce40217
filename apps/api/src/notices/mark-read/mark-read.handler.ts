import { Clock, EventStore, isUuid } from '@heard/event-store';
import { DomainError } from '@heard/kernel';
import { markNoticeRead } from '@heard/loop/subscriptions';
import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, EVENT_STORE } from '../../platform/tokens';
import { ReadNoticeResponse } from '../my-notices/feed-item.response';
import { MarkNoticeReadCommand } from './mark-read.command';

@CommandHandler(MarkNoticeReadCommand)
export class MarkNoticeReadHandler implements ICommandHandler<MarkNoticeReadCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ customerId, noticeId }: MarkNoticeReadCommand): Promise<ReadNoticeResponse> {
    if (!isUuid(noticeId))
      throw new DomainError(
        'notices.invalid_id',
        'id must be a notice id (a UUID)',
        'invalid',
        'id',
      );
    const { readAt } = await markNoticeRead(this.store, customerId, noticeId, this.clock.now());
    return { noticeId, readAt };
  }
}
