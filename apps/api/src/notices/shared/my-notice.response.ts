import { NoticeDelivery } from '@heard/loop/subscriptions';
import { ApiProperty } from '@nestjs/swagger';
import {
  NOTICE_CHANNELS,
  NOTICE_KINDS,
  NOTICE_STATUSES,
  SUPPRESSION_REASONS,
} from './notice-vocabulary';

/** A notice as its customer sees it in their data document: what it was about and where it stands. */
export class MyNoticeResponse {
  @ApiProperty({ example: '0193e7a0-8d2c-8f4e-9a51-5b0c3d2e1f00' })
  noticeId!: string;

  @ApiProperty({ enum: NOTICE_KINDS, example: 'case_resolved' })
  kind!: string;

  @ApiProperty({ enum: NOTICE_STATUSES, example: 'sent' })
  status!: string;

  @ApiProperty({ enum: NOTICE_CHANNELS, nullable: true, type: String, example: 'email' })
  channel!: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'case-1' })
  caseId!: string | null;

  @ApiProperty({ nullable: true, type: String, example: null })
  improvementId!: string | null;

  @ApiProperty({ enum: SUPPRESSION_REASONS, nullable: true, type: String, example: null })
  suppressedFor!: string | null;

  @ApiProperty({ example: '2026-12-01T10:00:00.000Z' })
  scheduledAt!: string;

  @ApiProperty({ nullable: true, type: String, example: '2026-12-01T10:00:01.000Z' })
  sentAt!: string | null;

  @ApiProperty({ nullable: true, type: String, example: null })
  readAt!: string | null;
}

export const myNoticeOf = (row: NoticeDelivery): MyNoticeResponse => {
  const refs = row.refs as { caseId?: string; improvementId?: string };
  return {
    noticeId: row.noticeId,
    kind: row.kind,
    status: row.status,
    channel: row.channel,
    caseId: refs.caseId ?? null,
    improvementId: refs.improvementId ?? null,
    suppressedFor: row.suppressedFor,
    scheduledAt: row.scheduledAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
    readAt: row.readAt?.toISOString() ?? null,
  };
};
