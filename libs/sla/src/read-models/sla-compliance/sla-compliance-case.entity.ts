import { IsoTimestampColumn } from '@heard/projections';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One row per case: what the SLA clock folds (its facts: opening, responses, updates, waits,
 * resolutions, reopenings), the terms it counted with and what it is grouped by. Compact enough
 * that a what-if reads the cases of a period in one query instead of their streams.
 */
@Entity('sla_compliance_case')
@Index('sla_compliance_case_opened_idx', ['openedAt', 'caseId'])
export class SlaComplianceCase {
  @PrimaryColumn({ name: 'case_id', type: 'varchar', length: 200 })
  caseId!: string;

  /** The case stream version last applied: a replay of an older event changes nothing. */
  @Column({ type: 'integer' })
  version!: number;

  /** Null only while the stream holds events before its opening (never, in practice). */
  @IsoTimestampColumn({ name: 'opened_at', nullable: true })
  openedAt!: Date | null;

  @Column({ name: 'store_id', type: 'varchar', length: 200, nullable: true })
  storeId!: string | null;

  @Index('sla_compliance_case_region_idx')
  @Column({ name: 'region_id', type: 'varchar', length: 200, nullable: true })
  regionId!: string | null;

  @Column({ name: 'team_id', type: 'varchar', length: 200, nullable: true })
  teamId!: string | null;

  @Column({ name: 'owner_id', type: 'varchar', length: 200, nullable: true })
  ownerId!: string | null;

  /** JSON SlaFact[]. */
  @Column({ type: 'text' })
  facts!: string;

  @Column({ name: 'policy_id', type: 'varchar', length: 200, nullable: true })
  policyId!: string | null;

  @Column({ name: 'policy_set_version', type: 'integer', nullable: true })
  policySetVersion!: number | null;

  @Column({ name: 'built_in_resolution', type: 'varchar', length: 40, nullable: true })
  builtInResolution!: string | null;

  @Column({ name: 'calendar_id', type: 'varchar', length: 200, nullable: true })
  calendarId!: string | null;

  @Column({ name: 'calendar_version', type: 'integer', nullable: true })
  calendarVersion!: number | null;

  @Column({ name: 'time_zone', type: 'varchar', length: 100, nullable: true })
  timeZone!: string | null;
}
