import { Entity, Index, PrimaryColumn } from 'typeorm';

/** A join table rather than a JSON list, so "the teams a person is in" is one indexed lookup. */
@Entity('team_member_view')
export class TeamMemberView {
  @PrimaryColumn({ name: 'team_id', type: 'varchar', length: 100 })
  teamId!: string;

  @Index('team_member_view_person_idx')
  @PrimaryColumn({ name: 'person_id', type: 'varchar', length: 100 })
  personId!: string;
}
