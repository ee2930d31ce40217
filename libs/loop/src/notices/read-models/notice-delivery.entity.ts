import { IsoTimestampColumn } from '@heard/projections';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One row per notice: its state for staff and the feed, and the delivery poller's work list
 * (`dueAt`). Ids and states only: the words are rendered from the refs at send and read time.
 */
@Entity('notice_deliveries')
@Index('notice_deliveries_due_idx', ['dueAt'])
@Index('notice_deliveries_customer_idx', ['customerId', 'scheduledAt'])
export class NoticeDelivery {
  @PrimaryColumn({ name: 'notice_id', type: 'varchar', length: 64 })
  noticeId!: string;

  @Column({ name: 'customer_id', type: 'varchar', length: 200, nullable: true })
  customerId!: string | null;

  @Column({ name: 'staff_id', type: 'varchar', length: 200, nullable: true })
  staffId!: string | null;

  @Column({ type: 'varchar', length: 30 })
  kind!: string;

  /** NoticeRefs as JSON: ids, a target name, a level. */
  @Column({ type: 'simple-json' })
  refs!: Record<string, unknown>;

  /** scheduled | deferred | sending | sent | failed | suppressed */
  @Column({ type: 'varchar', length: 20 })
  status!: string;

  /** When the poller owes the next step; null once final. */
  @IsoTimestampColumn({ name: 'due_at', nullable: true })
  dueAt!: Date | null;

  /** Set by a poller that took the row; cleared when the attempt's outcome is projected. */
  @IsoTimestampColumn({ name: 'claimed_until', nullable: true })
  claimedUntil!: Date | null;

  /** The channel of the last attempt, else the one preferred when scheduled. */
  @Column({ type: 'varchar', length: 10, nullable: true })
  channel!: string | null;

  @Column({ type: 'integer' })
  attempts!: number;

  @Column({ name: 'last_error', type: 'varchar', length: 200, nullable: true })
  lastError!: string | null;

  @Column({ name: 'failed_permanently', type: 'boolean' })
  failedPermanently!: boolean;

  @Column({ name: 'suppressed_for', type: 'varchar', length: 30, nullable: true })
  suppressedFor!: string | null;

  @Column({ name: 'deferred_for', type: 'varchar', length: 20, nullable: true })
  deferredFor!: string | null;

  /** The end of the digest window this notice was held for, once held. */
  @IsoTimestampColumn({ name: 'digest_held_until', nullable: true })
  digestHeldUntil!: Date | null;

  @Column({ name: 'message_id', type: 'varchar', length: 64, nullable: true })
  messageId!: string | null;

  @Column({ name: 'digest_id', type: 'varchar', length: 64, nullable: true })
  digestId!: string | null;

  @IsoTimestampColumn({ name: 'scheduled_at' })
  scheduledAt!: Date;

  @IsoTimestampColumn({ name: 'sent_at', nullable: true })
  sentAt!: Date | null;

  @IsoTimestampColumn({ name: 'read_at', nullable: true })
  readAt!: Date | null;

  @IsoTimestampColumn({ name: 'updated_at' })
  updatedAt!: Date;

  /** The notice stream's version this row reflects: an event at or below it is a replay. */
  @Column({ type: 'integer' })
  version!: number;
}
