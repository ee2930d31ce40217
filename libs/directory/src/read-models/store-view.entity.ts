import { IsoTimestampColumn } from '@heard/projections';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One row per store: its region and manager, for scoping and routing. */
@Entity('store_view')
export class StoreView {
  @PrimaryColumn({ name: 'store_id', type: 'varchar', length: 100 })
  storeId!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Index('store_view_region_idx')
  @Column({ name: 'region_id', type: 'varchar', length: 100, nullable: true })
  regionId!: string | null;

  @Column({ type: 'varchar', length: 64 })
  timezone!: string;

  @Index('store_view_manager_idx')
  @Column({ name: 'manager_id', type: 'varchar', length: 100, nullable: true })
  managerId!: string | null;

  /** The store stream's version this row reflects: a replayed event never moves it back. */
  @Column({ type: 'integer' })
  version!: number;

  @IsoTimestampColumn({ name: 'updated_at' })
  updatedAt!: Date;
}
