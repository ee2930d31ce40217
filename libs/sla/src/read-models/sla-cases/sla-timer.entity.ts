import { IsoTimestampColumn } from '@heard/projections';
import { Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A warning or breach a case still owes, due at `dueAt`: the poller's work list. The projection
 * replaces a case's rows whenever its clock changes, so a met or moved target takes its timer along.
 */
@Entity('sla_timers')
@Index('sla_timers_due_idx', ['firedAt', 'dueAt'])
export class SlaTimer {
  @PrimaryColumn({ name: 'case_id', type: 'varchar', length: 200 })
  caseId!: string;

  @PrimaryColumn({ type: 'varchar', length: 20 })
  target!: string;

  @PrimaryColumn({ type: 'integer' })
  cycle!: number;

  /** warn | breach */
  @PrimaryColumn({ type: 'varchar', length: 10 })
  kind!: string;

  @IsoTimestampColumn({ name: 'due_at' })
  dueAt!: Date;

  /** Set by the poller once its event is appended; the row goes when the projection sees it. */
  @IsoTimestampColumn({ name: 'fired_at', nullable: true })
  firedAt!: Date | null;
}
