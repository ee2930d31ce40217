import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Each published policy set and calendar version, whole, as sla_config_version keeps them: a copy
 * of this projection's own, so that it rebuilds alone and never waits for sla-cases.
 */
@Entity('sla_compliance_config')
export class SlaComplianceConfig {
  @PrimaryColumn({ name: 'stream_id', type: 'varchar', length: 220 })
  streamId!: string;

  @PrimaryColumn({ type: 'integer' })
  version!: number;

  @Column({ type: 'varchar', length: 60 })
  type!: string;

  @Column({ type: 'text' })
  data!: string;
}
