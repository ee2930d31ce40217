import { IsoTimestampColumn } from '@heard/projections';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** What the customer was told on a case: replies and the resolution message, never internal notes. */
@Entity('feedback_reply_view')
@Index('feedback_reply_view_case_idx', ['caseId', 'caseVersion'])
export class FeedbackReplyViewRow {
  /** The causing event's id, so applying it again inserts nothing. */
  @PrimaryColumn({ name: 'reply_id', type: 'varchar', length: 36 })
  replyId!: string;

  @Column({ name: 'case_id', type: 'varchar', length: 100 })
  caseId!: string;

  @Column({ name: 'case_version', type: 'integer' })
  caseVersion!: number;

  /** reply | resolution */
  @Column({ type: 'varchar', length: 12 })
  kind!: string;

  /** staff | customer */
  @Column({ type: 'varchar', length: 10 })
  author!: string;

  @Column({ type: 'text' })
  text!: string;

  @IsoTimestampColumn({ name: 'sent_at' })
  sentAt!: Date;
}
