import { CHANNELS, FEEDBACK_KINDS, PRIORITIES, Priority } from '@heard/kernel';
import { ApiProperty } from '@nestjs/swagger';
import { ArrayNotEmpty, IsArray, IsIn, IsOptional, IsString } from 'class-validator';
import { IsDirectoryId } from '../../directory/shared/directory-field.validators';

/**
 * Every listed criterion must hold, any value within a list; leave a criterion out to match
 * anything. Channels and kinds are typed as text, as the policy shape has them, and checked here.
 */
export class PolicyMatchDto {
  @ApiProperty({ example: ['urgent', 'high'], enum: PRIORITIES, isArray: true, required: false })
  @IsOptional()
  @IsArray()
  @ArrayNotEmpty()
  @IsIn(PRIORITIES, { each: true })
  priorities?: readonly Priority[];

  @ApiProperty({ example: ['bakery', 'checkout'], type: [String], required: false })
  @IsOptional()
  @IsArray()
  @ArrayNotEmpty()
  @IsString({ each: true })
  categories?: readonly string[];

  @ApiProperty({ example: ['store', 'app'], enum: CHANNELS, isArray: true, required: false })
  @IsOptional()
  @IsArray()
  @ArrayNotEmpty()
  @IsIn(CHANNELS, { each: true })
  channels?: readonly string[];

  @ApiProperty({ example: ['complaint'], enum: FEEDBACK_KINDS, isArray: true, required: false })
  @IsOptional()
  @IsArray()
  @ArrayNotEmpty()
  @IsIn(FEEDBACK_KINDS, { each: true })
  kinds?: readonly string[];

  @ApiProperty({
    example: ['S-042'],
    type: [String],
    required: false,
    description: 'Stores in the directory (422 otherwise)',
  })
  @IsOptional()
  @IsArray()
  @ArrayNotEmpty()
  @IsDirectoryId({ each: true })
  storeIds?: readonly string[];

  @ApiProperty({
    example: ['R-N'],
    type: [String],
    required: false,
    description: 'Regions in the directory (422 otherwise)',
  })
  @IsOptional()
  @IsArray()
  @ArrayNotEmpty()
  @IsDirectoryId({ each: true })
  regionIds?: readonly string[];
}
