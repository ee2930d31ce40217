import { Module } from '@nestjs/common';
import { CustomerNoticesHandler } from './customer-notices/customer-notices.handler';
import { CustomerNoticesController } from './customer-notices/customer-notices.http.controller';
import { MarkNoticeReadHandler } from './mark-read/mark-read.handler';
import { MyNoticesHandler } from './my-notices/my-notices.handler';
import { MyNoticesController } from './my-notices/my-notices.http.controller';

/** Notices over HTTP: the customer's in-app feed, marking read, and their states for CX staff. */
@Module({
  controllers: [MyNoticesController, CustomerNoticesController],
  providers: [MyNoticesHandler, MarkNoticeReadHandler, CustomerNoticesHandler],
})
export class NoticesModule {}
