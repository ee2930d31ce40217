import { ApiProperty } from '@nestjs/swagger';
import { NOTICE_CHANNELS, NOTICE_KINDS } from '../shared/notice-vocabulary';

/** One notice in the customer's feed, rendered now in their language. */
export class FeedItemResponse {
  @ApiProperty({ example: '0193e7a0-8d2c-8f4e-9a51-5b0c3d2e1f00' })
  noticeId!: string;

  @ApiProperty({ enum: NOTICE_KINDS, example: 'you_changed_this' })
  kind!: string;

  @ApiProperty({ enum: NOTICE_CHANNELS, nullable: true, type: String, example: 'email' })
  channel!: string | null;

  @ApiProperty({ nullable: true, type: String, example: '2026-12-01T10:00:02.000Z' })
  sentAt!: string | null;

  @ApiProperty({ nullable: true, type: String, example: null })
  readAt!: string | null;

  @ApiProperty({ nullable: true, type: String, example: null })
  caseId!: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'imp-42' })
  improvementId!: string | null;

  @ApiProperty({ example: 'You changed this' })
  subject!: string;

  @ApiProperty({
    example:
      'You told us, and we changed it:\n\nA second checkout\nWe opened a second checkout at peak hours',
    description: 'Empty once the customer is erased',
  })
  text!: string;
}

export class FeedPageResponse {
  @ApiProperty({ type: [FeedItemResponse] })
  items!: FeedItemResponse[];

  @ApiProperty({ nullable: true, type: String, example: null })
  nextCursor!: string | null;
}

export class ReadNoticeResponse {
  @ApiProperty({ example: '0193e7a0-8d2c-8f4e-9a51-5b0c3d2e1f00' })
  noticeId!: string;

  @ApiProperty({ example: '2026-12-01T11:00:00.000Z' })
  readAt!: string;
}
