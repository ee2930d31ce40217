import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsOptional, ValidateNested } from 'class-validator';
import { TargetSpecDto } from './target-spec.dto';

export class PolicyTargetsDto {
  @ApiProperty({
    type: () => TargetSpecDto,
    required: false,
    example: { duration: 'PT15M', calendar: '24x7' },
    description: 'From opening to the first reply or acknowledgement',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => TargetSpecDto)
  firstResponse?: TargetSpecDto;

  @ApiProperty({
    type: () => TargetSpecDto,
    required: false,
    example: { duration: 'PT24H', calendar: 'business' },
    description: 'Between one update to the customer and the next',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => TargetSpecDto)
  nextUpdate?: TargetSpecDto;

  @ApiProperty({
    type: () => TargetSpecDto,
    example: { duration: 'PT72H', calendar: '24x7' },
    description: 'From opening to resolution; every policy has one',
  })
  @IsDefined()
  @ValidateNested()
  @Type(() => TargetSpecDto)
  resolution!: TargetSpecDto;
}
