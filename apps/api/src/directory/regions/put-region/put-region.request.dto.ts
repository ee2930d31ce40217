import { ApiProperty } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsDirectoryId, IsDisplayName } from '../../shared/directory-field.validators';

export class PutRegionRequest {
  @ApiProperty({ example: 'North', maxLength: 200 })
  @IsDisplayName()
  name!: string;

  @ApiProperty({
    example: 'RM-1',
    required: false,
    nullable: true,
    type: String,
    description: 'A person with the regional_manager role; absent or null while vacant',
  })
  @IsOptional()
  @IsDirectoryId()
  leadId?: string | null;
}
