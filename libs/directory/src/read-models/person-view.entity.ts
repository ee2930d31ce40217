import { IsoTimestampColumn } from '@heard/projections';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Role } from '../domain/person/role';

/** One row per person of staff. `name` is personal data: a rebuild takes it from the events again. */
@Entity('person_view')
export class PersonView {
  @PrimaryColumn({ name: 'person_id', type: 'varchar', length: 100 })
  personId!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  /** simple-json is text on every driver; roles are a short set, never queried by element. */
  @Column({ type: 'simple-json' })
  roles!: Role[];

  @Column({ type: 'varchar', length: 35 })
  locale!: string;

  @Column({ type: 'integer' })
  version!: number;

  @IsoTimestampColumn({ name: 'updated_at' })
  updatedAt!: Date;
}
