import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { IsDirectoryId } from '../shared/directory-field.validators';
import { RuleMatchDto } from './rule-match.dto';
import { RuleOwnerDto } from './rule-owner.dto';

export class RoutingRuleDto {
  @ApiProperty({
    example: 'complaints-to-store',
    description: 'Unique in the set; decisions record it, so keep it stable across versions',
  })
  @IsDirectoryId()
  id!: string;

  @ApiProperty({ example: 'Store complaints go to the store manager', required: false })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string;

  @ApiProperty({
    type: () => RuleMatchDto,
    required: false,
    example: { kinds: ['complaint'], channels: ['store'] },
    description: 'Absent: the rule matches every case',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => RuleMatchDto)
  match?: RuleMatchDto;

  @ApiProperty({ type: () => RuleOwnerDto, example: { kind: 'store_manager' } })
  @IsDefined()
  @ValidateNested()
  @Type(() => RuleOwnerDto)
  owner!: RuleOwnerDto;
}
