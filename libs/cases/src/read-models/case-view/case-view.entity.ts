import { IsoTimestampColumn } from '@heard/projections';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One row per case: the list with filters, owners and deadlines. Plain varchar, integer and ISO
 * text columns, so the same entity works on SQLite and PostgreSQL.
 */
@Entity('case_view')
@Index('case_view_deadline_idx', ['dueAt', 'caseId'])
export class CaseView {
  @PrimaryColumn({ name: 'case_id', type: 'varchar', length: 200 })
  caseId!: string;

  @Column({ type: 'varchar', length: 20 })
  status!: string;

  @Index('case_view_store_idx')
  @Column({ name: 'store_id', type: 'varchar', length: 200, nullable: true })
  storeId!: string | null;

  @Index('case_view_region_idx')
  @Column({ name: 'region_id', type: 'varchar', length: 200, nullable: true })
  regionId!: string | null;

  @Column({ type: 'varchar', length: 200 })
  category!: string;

  @Column({ type: 'varchar', length: 10 })
  priority!: string;

  @Index('case_view_owner_idx')
  @Column({ name: 'owner_id', type: 'varchar', length: 200, nullable: true })
  ownerId!: string | null;

  @Index('case_view_team_idx')
  @Column({ name: 'team_id', type: 'varchar', length: 200, nullable: true })
  teamId!: string | null;

  @Index('case_view_customer_idx')
  @Column({ name: 'customer_id', type: 'varchar', length: 200, nullable: true })
  customerId!: string | null;

  /** JSON array of feedback ids, the opening one first. */
  @Column({ name: 'feedback_ids', type: 'text' })
  feedbackIds!: string;

  @IsoTimestampColumn({ name: 'opened_at' })
  openedAt!: Date;

  @IsoTimestampColumn({ name: 'due_at' })
  dueAt!: Date;

  @IsoTimestampColumn({ name: 'acknowledged_at', nullable: true })
  acknowledgedAt!: Date | null;

  /** Set while the SLA clock waits for the customer; kept so the row folds like the stream. */
  @IsoTimestampColumn({ name: 'paused_at', nullable: true })
  pausedAt!: Date | null;

  @IsoTimestampColumn({ name: 'resolved_at', nullable: true })
  resolvedAt!: Date | null;

  @Column({ name: 'target_hours', type: 'integer' })
  targetHours!: number;

  @Column({ name: 'escalation_level', type: 'integer' })
  escalationLevel!: number;

  /** JSON array of the people it was escalated to; queried through case_escalation_view. */
  @Column({ name: 'escalated_to', type: 'text', default: '[]' })
  escalatedTo!: string;

  /** The case stream's version this row reflects: the ETag clients send back in If-Match. */
  @Column({ type: 'integer' })
  version!: number;

  /** The last event's recordedAt, not the wall clock: a rebuild gives the same row. */
  @IsoTimestampColumn({ name: 'updated_at' })
  updatedAt!: Date;
}
