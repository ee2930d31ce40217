import { IsoTimestampColumn } from '@heard/projections';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** The notices that close a loop (case_resolved, you_changed_this) and when each first went out. */
@Entity('loop_rate_notice')
@Index('loop_rate_notice_case_idx', ['kind', 'caseId'])
@Index('loop_rate_notice_improvement_idx', ['kind', 'customerId', 'improvementId'])
export class LoopRateNotice {
  @PrimaryColumn({ name: 'notice_id', type: 'varchar', length: 200 })
  noticeId!: string;

  @Column({ type: 'varchar', length: 40 })
  kind!: string;

  @Column({ name: 'case_id', type: 'varchar', length: 200, nullable: true })
  caseId!: string | null;

  @Column({ name: 'customer_id', type: 'varchar', length: 200, nullable: true })
  customerId!: string | null;

  @Column({ name: 'improvement_id', type: 'varchar', length: 200, nullable: true })
  improvementId!: string | null;

  /** The first NoticeSent; null while it is owed. */
  @IsoTimestampColumn({ name: 'sent_at', nullable: true })
  sentAt!: Date | null;
}
