import { DirectoryEntry, TeamFields } from '@heard/directory';
import { ApiProperty } from '@nestjs/swagger';
import { EntryStampsResponse, stampsOf } from '../shared/entry-stamps.response';

export class TeamResponse extends EntryStampsResponse {
  @ApiProperty({ example: 'T-cx' })
  teamId!: string;

  @ApiProperty({ example: 'Customer care' })
  name!: string;

  @ApiProperty({
    example: ['A-1', 'A-2'],
    type: [String],
    description: 'Sorted, without duplicates',
  })
  memberIds!: string[];

  @ApiProperty({ example: 'cx' })
  queue!: string;
}

export const presentTeam = (entry: DirectoryEntry<TeamFields>): TeamResponse => ({
  ...entry.current,
  memberIds: [...entry.current.memberIds],
  ...stampsOf(entry),
});
