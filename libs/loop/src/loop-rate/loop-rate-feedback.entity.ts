import { IsoTimestampColumn } from '@heard/projections';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One row per feedback item: where and when it came, whether it was negative, its case. Ids only. */
@Entity('loop_rate_feedback')
@Index('loop_rate_feedback_received_idx', ['receivedAt'])
@Index('loop_rate_feedback_case_idx', ['caseId'])
export class LoopRateFeedback {
  @PrimaryColumn({ name: 'feedback_id', type: 'varchar', length: 200 })
  feedbackId!: string;

  @Column({ name: 'store_id', type: 'varchar', length: 100, nullable: true })
  storeId!: string | null;

  @Column({ type: 'varchar', length: 40 })
  channel!: string;

  /** Null for anonymous feedback: nobody to tell. */
  @Column({ name: 'customer_id', type: 'varchar', length: 200, nullable: true })
  customerId!: string | null;

  @IsoTimestampColumn({ name: 'received_at' })
  receivedAt!: Date;

  /** 1 when triage said it needs a case (a complaint, 1–2 stars, a detractor); else 0. */
  @Column({ type: 'integer', default: 0 })
  negative!: number;

  @Column({ name: 'case_id', type: 'varchar', length: 200, nullable: true })
  caseId!: string | null;
}
