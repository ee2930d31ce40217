import { Command } from '@nestjs/cqrs';
import { ReadNoticeResponse } from '../my-notices/feed-item.response';

export class MarkNoticeReadCommand extends Command<ReadNoticeResponse> {
  constructor(
    readonly customerId: string,
    readonly noticeId: string,
  ) {
    super();
  }
}
