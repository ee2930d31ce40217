import { IsoTimestampColumn } from '@heard/projections';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One row per improvement, for the list: staff text only, no personal data. */
@Entity('improvement_view')
@Index('improvement_view_order_idx', ['proposedAt', 'improvementId'])
export class ImprovementViewRow {
  @PrimaryColumn({ name: 'improvement_id', type: 'varchar', length: 100 })
  improvementId!: string;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'varchar', length: 20 })
  status!: string;

  @Index('improvement_view_owner_idx')
  @Column({ name: 'owner_id', type: 'varchar', length: 100 })
  ownerId!: string;

  @Column({ name: 'proposed_by', type: 'varchar', length: 100 })
  proposedBy!: string;

  /** JSON arrays: shown as they are; scoping goes through improvement_store_view. */
  @Column({ name: 'store_ids', type: 'text' })
  storeIds!: string;

  @Column({ type: 'text' })
  categories!: string;

  @Column({ name: 'linked_feedback', type: 'integer' })
  linkedFeedback!: number;

  @IsoTimestampColumn({ name: 'proposed_at' })
  proposedAt!: Date;

  @IsoTimestampColumn({ name: 'shipped_at', nullable: true })
  shippedAt!: Date | null;

  /** The stream version this row reflects: an event applied again never counts twice. */
  @Column({ type: 'integer' })
  version!: number;
}

/** Which stores an improvement is for: who may see it. */
@Entity('improvement_store_view')
@Index('improvement_store_view_store_idx', ['storeId'])
export class ImprovementStoreRow {
  @PrimaryColumn({ name: 'improvement_id', type: 'varchar', length: 100 })
  improvementId!: string;

  @PrimaryColumn({ name: 'store_id', type: 'varchar', length: 100 })
  storeId!: string;
}
