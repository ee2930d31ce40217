import { NoticeDelivery } from '@heard/loop/subscriptions';
import { ApiProperty } from '@nestjs/swagger';
import {
  NOTICE_CHANNELS,
  NOTICE_KINDS,
  NOTICE_STATUSES,
  SUPPRESSION_REASONS,
} from '../shared/notice-vocabulary';

/** Where a notice stands, for staff: states, attempts and errors, never what it says. */
export class NoticeStateResponse {
  @ApiProperty({ example: '0193e7a0-8d2c-8f4e-9a51-5b0c3d2e1f00' })
  noticeId!: string;

  @ApiProperty({ enum: NOTICE_KINDS, example: 'case_resolved' })
  kind!: string;

  @ApiProperty({ enum: NOTICE_STATUSES, example: 'failed' })
  status!: string;

  @ApiProperty({ enum: NOTICE_CHANNELS, nullable: true, type: String, example: 'sms' })
  channel!: string | null;

  @ApiProperty({ example: 2, description: 'Attempts begun so far' })
  attempts!: number;

  @ApiProperty({
    nullable: true,
    type: String,
    example: 'http 503',
    description: "The channel's own word for the last failure (an SMTP code, an HTTP status)",
  })
  lastError!: string | null;

  @ApiProperty({
    example: false,
    description: 'The last failure was final (SMTP 5xx, webhook 4xx)',
  })
  failedPermanently!: boolean;

  @ApiProperty({ enum: SUPPRESSION_REASONS, nullable: true, type: String, example: null })
  suppressedFor!: string | null;

  @ApiProperty({ enum: ['quiet_hours', 'digest'], nullable: true, type: String, example: null })
  deferredFor!: string | null;

  @ApiProperty({
    nullable: true,
    type: String,
    example: '2026-12-01T10:01:00.000Z',
    description: 'When delivery next acts on it; null once final',
  })
  dueAt!: string | null;

  @ApiProperty({ nullable: true, type: String, example: '0193e7a0-8d2c-8f4e-9a51-5b0c3d2e1f00' })
  messageId!: string | null;

  @ApiProperty({ nullable: true, type: String, example: null })
  digestId!: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'case-1' })
  caseId!: string | null;

  @ApiProperty({ nullable: true, type: String, example: null })
  improvementId!: string | null;

  @ApiProperty({ example: '2026-12-01T10:00:00.000Z' })
  scheduledAt!: string;

  @ApiProperty({ nullable: true, type: String, example: null })
  sentAt!: string | null;

  @ApiProperty({ nullable: true, type: String, example: null })
  readAt!: string | null;
}

export class NoticeStatePageResponse {
  @ApiProperty({ type: [NoticeStateResponse] })
  items!: NoticeStateResponse[];

  @ApiProperty({ nullable: true, type: String, example: null })
  nextCursor!: string | null;
}

const iso = (d: Date | null): string | null => d?.toISOString() ?? null;

export const noticeStateOf = (row: NoticeDelivery): NoticeStateResponse => {
  const refs = row.refs as { caseId?: string; improvementId?: string };
  return {
    noticeId: row.noticeId,
    kind: row.kind,
    status: row.status,
    channel: row.channel,
    attempts: row.attempts,
    lastError: row.lastError,
    failedPermanently: row.failedPermanently,
    suppressedFor: row.suppressedFor,
    deferredFor: row.status === 'deferred' ? row.deferredFor : null,
    dueAt: iso(row.dueAt),
    messageId: row.messageId,
    digestId: row.digestId,
    caseId: refs.caseId ?? null,
    improvementId: refs.improvementId ?? null,
    scheduledAt: row.scheduledAt.toISOString(),
    sentAt: iso(row.sentAt),
    readAt: iso(row.readAt),
  };
};
