import { IsoTimestampColumn } from '@heard/projections';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One row per case: its SLA facts and terms, and the clock counted from them. */
@Entity('sla_case')
@Index('sla_case_nearest_due_idx', ['nearestDueAt', 'caseId'])
export class SlaCase {
  @PrimaryColumn({ name: 'case_id', type: 'varchar', length: 200 })
  caseId!: string;

  /** The case stream version last applied: a replay of an older event changes nothing. */
  @Column({ type: 'integer' })
  version!: number;

  /** JSON SlaFact[]: what the clock folds. */
  @Column({ type: 'text' })
  facts!: string;

  /** JSON string[] of slaAlertKey: the warnings and breaches recorded. */
  @Column({ type: 'text' })
  alerts!: string;

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

  /** JSON SlaClock as of the last fact (no `now`); null until the terms are recorded. */
  @Column({ type: 'text', nullable: true })
  clock!: string | null;

  /** The soonest due time of a running target: lists order by it. Null when none runs. */
  @IsoTimestampColumn({ name: 'nearest_due_at', nullable: true })
  nearestDueAt!: Date | null;

  /** ok | warning | breached while a target counts or was missed; null otherwise. */
  @Index('sla_case_state_idx')
  @Column({ name: 'sla_state', type: 'varchar', length: 10, nullable: true })
  slaState!: string | null;
}
