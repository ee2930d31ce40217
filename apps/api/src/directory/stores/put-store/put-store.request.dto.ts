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
}
