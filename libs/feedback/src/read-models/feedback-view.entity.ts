import { IsoTimestampColumn } from '@heard/projections';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One row per piece of feedback, as its customer sees it. Holds the customer's own words, so an
 * erasure rebuilds it from the (then shredded) events.
 */
@Entity('feedback_view')
@Index('feedback_view_customer_idx', ['customerId', 'receivedAt', 'feedbackId'])
export class FeedbackViewRow {
  @PrimaryColumn({ name: 'feedback_id', type: 'varchar', length: 36 })
  feedbackId!: string;

  @Column({ name: 'customer_id', type: 'varchar', length: 200, nullable: true })
  customerId!: string | null;

  @Column({ type: 'varchar', length: 20 })
  kind!: string;

  @Column({ type: 'varchar', length: 20 })
  channel!: string;

  @Column({ name: 'store_id', type: 'varchar', length: 200, nullable: true })
  storeId!: string | null;

  /** The category given, replaced by triage's (which keeps a given one). */
  @Column({ type: 'varchar', length: 100, nullable: true })
  category!: string | null;

  @Column({ type: 'integer', nullable: true })
  rating!: number | null;

  @Column({ type: 'integer', nullable: true })
  nps!: number | null;

  @Column({ type: 'text', nullable: true })
  text!: string | null;

  @Column({ type: 'varchar', length: 35, nullable: true })
  language!: string | null;

  @IsoTimestampColumn({ name: 'occurred_at' })
  occurredAt!: Date;

  @IsoTimestampColumn({ name: 'received_at' })
  receivedAt!: Date;

  @Column({ name: 'case_id', type: 'varchar', length: 100, nullable: true })
  caseId!: string | null;
}
