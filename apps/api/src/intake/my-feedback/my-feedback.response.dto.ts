import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CustomerFeedbackItem } from '@heard/feedback/read-models';

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

export class MyFeedbackPageDto {
  @ApiProperty({
    example: [EXAMPLE_ITEM],
    description:
      'Newest first. Each item has its case status and what the customer was told (replies and ' +
      'the resolution message); internal notes never appear.',
  })
  items!: CustomerFeedbackItem[];

  @ApiPropertyOptional({ example: null, nullable: true, description: 'null on the last page' })
  nextCursor!: string | null;
}
