import { Entity, Index, PrimaryColumn } from 'typeorm';

/** Feedback linked to an improvement, once per pair. */
@Entity('loop_rate_link')
@Index('loop_rate_link_feedback_idx', ['feedbackId'])
export class LoopRateLink {
  @PrimaryColumn({ name: 'improvement_id', type: 'varchar', length: 200 })
  improvementId!: string;

  @PrimaryColumn({ name: 'feedback_id', type: 'varchar', length: 200 })
  feedbackId!: string;
}
