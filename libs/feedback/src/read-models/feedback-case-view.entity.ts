import { IsoTimestampColumn } from '@heard/projections';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A case's status as the customer sees it; one row per case rather than per feedback, so a status change is one update. */
@Entity('feedback_case_view')
export class FeedbackCaseViewRow {
  @PrimaryColumn({ name: 'case_id', type: 'varchar', length: 100 })
  caseId!: string;

  /** open | awaiting_customer | resolved | closed */
  @Column({ type: 'varchar', length: 20 })
  status!: string;

  /** Stream version of the last status event applied: an older one (a replay) changes nothing. */
  @Column({ type: 'integer' })
  version!: number;

  @IsoTimestampColumn({ name: 'updated_at' })
  updatedAt!: Date;
}
