import { ApiProperty } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import {
  IsDirectoryId,
  IsDisplayName,
  IsIanaTimeZone,
} from '../../shared/directory-field.validators';

export class PutStoreRequest {
  @ApiProperty({ example: 'Harbour Street', maxLength: 200 })
  @IsDisplayName()
  name!: string;

  @ApiProperty({
    example: 'R-N',
    required: false,
    nullable: true,
    type: String,
    description: 'A region that exists; absent or null for a store outside every region',
  })
  @IsOptional()
  @IsDirectoryId()
  regionId?: string | null;

  @ApiProperty({
    example: 'Europe/Berlin',
    description: 'IANA time zone: deadlines are read in the store’s local time',
  })
  @IsIanaTimeZone()
  timezone!: string;

  @ApiProperty({
    example: 'M-42',
    required: false,
    nullable: true,
    type: String,
    description: 'A person with the store_manager role; absent or null while the post is vacant',
  })
  @IsOptional()
  @IsDirectoryId()
  managerId?: string | null;

  @ApiProperty({
    example: 'kyiv-stores',
    required: false,
    nullable: true,
    type: String,
    description:
      'A calendar put with PUT /v1/calendars/{id} (422 otherwise): business SLA targets count its opening hours. Absent or null: they count 24x7 in the store’s own time zone',
  })
  @IsOptional()
  @IsDirectoryId()
  calendarId?: string | null;
}
