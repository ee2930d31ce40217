import { Column, Entity, PrimaryColumn } from 'typeorm';
import { IsoTimestampColumn } from '../columns/iso-timestamp.column';

/**
 * One row per projection or reactor. The position is a decimal string so that every adapter's
 * bigint positions survive every driver exactly (EventStoreDB's are byte offsets).
 */
@Entity('projection_checkpoints')
export class ProjectionCheckpointEntity {
  @PrimaryColumn({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 40 })
  position!: string;

  @IsoTimestampColumn({ name: 'updated_at' })
  updatedAt!: Date;
}
