import { IsoTimestampColumn } from '@heard/projections';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One row per region: who leads it, for scoping regional managers. */
@Entity('region_view')
export class RegionView {
  @PrimaryColumn({ name: 'region_id', type: 'varchar', length: 100 })
  regionId!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Index('region_view_lead_idx')
  @Column({ name: 'lead_id', type: 'varchar', length: 100, nullable: true })
  leadId!: string | null;

  /** The region stream's version this row reflects: a replayed event never moves it back. */
  @Column({ type: 'integer' })
  version!: number;

  @IsoTimestampColumn({ name: 'updated_at' })
  updatedAt!: Date;
}
