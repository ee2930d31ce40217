import { DirectoryEntry, RegionFields } from '@heard/directory';
import { ApiProperty } from '@nestjs/swagger';
import { EntryStampsResponse, stampsOf } from '../shared/entry-stamps.response';

export class RegionResponse extends EntryStampsResponse {
  @ApiProperty({ example: 'R-N' })
  regionId!: string;

  @ApiProperty({ example: 'North' })
  name!: string;

  @ApiProperty({ example: 'RM-1', nullable: true, type: String })
  leadId!: string | null;
}

export const presentRegion = (entry: DirectoryEntry<RegionFields>): RegionResponse => ({
  ...entry.current,
  ...stampsOf(entry),
});
