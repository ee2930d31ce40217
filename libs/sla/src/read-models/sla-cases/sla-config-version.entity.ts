import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Each published policy set and each calendar version, as its event holds it whole: the case
 * clocks are counted from these, so the projection needs no event store and rebuilds alone.
 */
@Entity('sla_config_version')
export class SlaConfigVersion {
  /** `sla-policies` or `calendar-<id>`. */
  @PrimaryColumn({ name: 'stream_id', type: 'varchar', length: 220 })
  streamId!: string;

  @PrimaryColumn({ type: 'integer' })
  version!: number;

  @Column({ type: 'varchar', length: 60 })
  type!: string;

  @Column({ type: 'text' })
  data!: string;
}
