import { IsoTimestampColumn } from '@heard/projections';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One row per piece of feedback, as its customer sees it. The customer's own words stay sealed
 * here as the event holds them (`personalKey`, `personalSealed`), opened when the row is read:
 * deleting the key makes this copy unreadable at once too, and applying the event decrypts
 * nothing. Only events written before sealing hold their words plain, in `text`.
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

  /** Plain words of an event written before sealing, or the redaction once erased. */
  @Column({ type: 'text', nullable: true })
  text!: string | null;

  /** The data key of `personalSealed`; null when the event held its personal fields plain. */
  @Column({ name: 'personal_key', type: 'varchar', length: 36, nullable: true })
  personalKey!: string | null;

  /** The event's sealed personal fields (words and contact details), as the event holds them. */
  @Column({ name: 'personal_sealed', type: 'text', nullable: true })
  personalSealed!: string | null;

  @Column({ type: 'varchar', length: 35, nullable: true })
  language!: string | null;

  @IsoTimestampColumn({ name: 'occurred_at' })
  occurredAt!: Date;

  @IsoTimestampColumn({ name: 'received_at' })
  receivedAt!: Date;

  @Column({ name: 'case_id', type: 'varchar', length: 100, nullable: true })
  caseId!: string | null;
}
