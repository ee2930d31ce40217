import { DirectoryEntry, PersonFields } from '@heard/directory';
import { ROLES, Role } from '@heard/kernel';
import { ApiProperty } from '@nestjs/swagger';
import { EntryStampsResponse, stampsOf } from '../shared/entry-stamps.response';

export class PersonResponse extends EntryStampsResponse {
  @ApiProperty({ example: 'M-42' })
  personId!: string;

  @ApiProperty({ example: 'Mara Lind' })
  name!: string;

  @ApiProperty({ example: ['store_manager'], enum: ROLES, isArray: true })
  roles!: Role[];

  @ApiProperty({ example: 'de-DE' })
  locale!: string;

  @ApiProperty({ required: false, example: 'mara.lind@example.com' })
  email?: string;
}

/** The event keeps the name apart for crypto-shredding; over HTTP it is one field like the others. */
export const presentPerson = (entry: DirectoryEntry<PersonFields>): PersonResponse => ({
  personId: entry.current.personId,
  name: entry.current.personal.name,
  roles: [...entry.current.roles],
  locale: entry.current.locale,
  ...(entry.current.personal.email === undefined ? {} : { email: entry.current.personal.email }),
  ...stampsOf(entry),
});
