import { IsoTimestampColumn } from '@heard/projections';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One row per team; its members are rows of team_member_view. */
@Entity('team_view')
export class TeamView {
  @PrimaryColumn({ name: 'team_id', type: 'varchar', length: 100 })
  teamId!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 100 })
  queue!: string;

  /** The team stream's version this row and its members reflect. */
  @Column({ type: 'integer' })
  version!: number;

  @IsoTimestampColumn({ name: 'updated_at' })
  updatedAt!: Date;
}
