import { DirectoryEntry, StoreFields } from '@heard/directory';
import { ApiProperty } from '@nestjs/swagger';
import { EntryStampsResponse, stampsOf } from '../shared/entry-stamps.response';

export class StoreResponse extends EntryStampsResponse {
  @ApiProperty({ example: 'S-042' })
  storeId!: string;

  @ApiProperty({ example: 'Harbour Street' })
  name!: string;

  @ApiProperty({ example: 'R-N', nullable: true, type: String })
  regionId!: string | null;

  @ApiProperty({ example: 'Europe/Berlin' })
  timezone!: string;

  @ApiProperty({ example: 'M-42', nullable: true, type: String })
  managerId!: string | null;

  @ApiProperty({
    example: 'kyiv-stores',
    nullable: true,
    type: String,
    description: 'The calendar its business SLA targets count with; null: 24x7 in its own zone',
  })
  calendarId!: string | null;
}

export const presentStore = (entry: DirectoryEntry<StoreFields>): StoreResponse => ({
  ...entry.current,
  ...stampsOf(entry),
});
