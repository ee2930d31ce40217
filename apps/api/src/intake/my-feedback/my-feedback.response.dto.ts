import { ApiProperty } from '@nestjs/swagger';
import { CHANNELS, FEEDBACK_KINDS } from '@heard/feedback';
import {
  CustomerFeedbackItem,
  CustomerFeedbackPage,
  CustomerReply,
} from '@heard/feedback/read-models';

const EXAMPLE_ITEM: CustomerFeedbackItem = {
  feedbackId: '0193e7a0-5b1c-7d3e-9f00-1a2b3c4d5e6f',
  kind: 'complaint',
  channel: 'app',
  storeId: 'S-042',
  category: 'queue',
  rating: null,
  nps: null,
  text: 'Черга на касі 25 хвилин',
  language: 'uk',
  occurredAt: '2026-11-20T07:30:00.000Z',
  receivedAt: '2026-11-20T07:31:02.114Z',
  case: {
    caseId: '0193e7a0-5b1c-7d3e-9f00-1a2b3c4d5e6f',
    status: 'resolved',
    replies: [
      {
        kind: 'reply',
        from: 'staff',
        text: 'Дякуємо, розбираємось.',
        at: '2026-11-20T08:00:00.000Z',
      },
      {
        kind: 'resolution',
        from: 'staff',
        text: 'У години пік тепер працює друга каса.',
        at: '2026-11-21T10:00:00.000Z',
      },
    ],
  },
};

class CustomerReplyDto implements CustomerReply {
  @ApiProperty({ enum: ['reply', 'resolution'], example: 'reply' })
  kind!: CustomerReply['kind'];

  @ApiProperty({ enum: ['staff', 'customer'], example: 'staff' })
  from!: CustomerReply['from'];

  @ApiProperty({ example: 'Дякуємо, розбираємось.' })
  text!: string;

  @ApiProperty({ example: '2026-11-20T08:00:00.000Z', format: 'date-time' })
  at!: string;
}

class CustomerCaseDto {
  @ApiProperty({ example: '0193e7a0-5b1c-7d3e-9f00-1a2b3c4d5e6f' })
  caseId!: string;

  @ApiProperty({ enum: ['open', 'awaiting_customer', 'resolved', 'closed'], example: 'resolved' })
  status!: string;

  @ApiProperty({
    type: [CustomerReplyDto],
    description: 'What the customer was told, oldest first: replies and the resolution message',
  })
  replies!: CustomerReplyDto[];
}

export class MyFeedbackItemDto implements CustomerFeedbackItem {
  @ApiProperty({ example: EXAMPLE_ITEM.feedbackId })
  feedbackId!: string;

  @ApiProperty({ enum: FEEDBACK_KINDS, example: 'complaint' })
  kind!: string;

  @ApiProperty({ enum: CHANNELS, example: 'app' })
  channel!: string;

  @ApiProperty({ example: 'S-042', nullable: true, type: String })
  storeId!: string | null;

  @ApiProperty({ example: 'queue', nullable: true, type: String })
  category!: string | null;

  @ApiProperty({ example: null, nullable: true, type: Number, minimum: 1, maximum: 5 })
  rating!: number | null;

  @ApiProperty({ example: null, nullable: true, type: Number, minimum: 0, maximum: 10 })
  nps!: number | null;

  @ApiProperty({ example: EXAMPLE_ITEM.text, nullable: true, type: String })
  text!: string | null;

  @ApiProperty({ example: 'uk', nullable: true, type: String })
  language!: string | null;

  @ApiProperty({ example: EXAMPLE_ITEM.occurredAt, format: 'date-time' })
  occurredAt!: string;

  @ApiProperty({ example: EXAMPLE_ITEM.receivedAt, format: 'date-time' })
  receivedAt!: string;

  @ApiProperty({
    type: CustomerCaseDto,
    nullable: true,
    description: 'Null when the feedback opened no case',
  })
  case!: CustomerCaseDto | null;
}

export class MyFeedbackPageDto implements CustomerFeedbackPage {
  @ApiProperty({
    type: [MyFeedbackItemDto],
    example: [EXAMPLE_ITEM],
    description:
      'Newest first. Each item has its case status and what the customer was told (replies and ' +
      'the resolution message); internal notes never appear.',
  })
  items!: MyFeedbackItemDto[];

  @ApiProperty({
    example: null,
    nullable: true,
    type: String,
    description: 'Pass as `cursor` for the next page; null on the last page',
  })
  nextCursor!: string | null;
}
