import { IsoTimestampColumn } from '@heard/projections';
import { Entity, PrimaryColumn } from 'typeorm';

/** An improvement that shipped, and when; one not (yet) shipped has no row. */
@Entity('loop_rate_improvement')
export class LoopRateImprovement {
  @PrimaryColumn({ name: 'improvement_id', type: 'varchar', length: 200 })
  improvementId!: string;

  @IsoTimestampColumn({ name: 'shipped_at' })
  shippedAt!: Date;
}
