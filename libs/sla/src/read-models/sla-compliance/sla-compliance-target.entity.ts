import { IsoTimestampColumn } from '@heard/projections';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { msTransformer } from './ms.transformer';

/**
 * One row per target cycle of a case under its recorded policy (the policy's own targets, not an
 * escalation level's), with what it is grouped by: compliance reads the targets due in a period.
 */
@Entity('sla_compliance_target')
@Index('sla_compliance_target_due_idx', ['dueAt'])
export class SlaComplianceTarget {
  @PrimaryColumn({ name: 'case_id', type: 'varchar', length: 200 })
  caseId!: string;

  @PrimaryColumn({ type: 'varchar', length: 20 })
  kind!: string;

  @PrimaryColumn({ type: 'integer' })
  cycle!: number;

  @IsoTimestampColumn({ name: 'due_at', nullable: true })
  dueAt!: Date | null;

  /** running | paused | met | breached, as of the case's last fact. */
  @Column({ type: 'varchar', length: 10 })
  state!: string;

  @IsoTimestampColumn({ name: 'done_at', nullable: true })
  doneAt!: Date | null;

  @Column({ name: 'business_ms', type: 'bigint', nullable: true, transformer: msTransformer })
  businessMs!: number | null;

  @Column({ name: 'wall_clock_ms', type: 'bigint', nullable: true, transformer: msTransformer })
  wallClockMs!: number | null;

  @Column({ name: 'store_id', type: 'varchar', length: 200, nullable: true })
  storeId!: string | null;

  @Column({ name: 'region_id', type: 'varchar', length: 200, nullable: true })
  regionId!: string | null;

  @Column({ name: 'team_id', type: 'varchar', length: 200, nullable: true })
  teamId!: string | null;

  @Column({ name: 'owner_id', type: 'varchar', length: 200, nullable: true })
  ownerId!: string | null;

  @Column({ name: 'policy_id', type: 'varchar', length: 200, nullable: true })
  policyId!: string | null;
}
