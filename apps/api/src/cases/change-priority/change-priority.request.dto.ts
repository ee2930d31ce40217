import { PRIORITIES, Priority } from '@heard/cases';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { IsCaseText } from '../shared/case-field.validators';

export class ChangePriorityRequest {
  @ApiProperty({ enum: PRIORITIES, example: 'urgent' })
  @IsIn(PRIORITIES)
  priority!: Priority;

  @ApiPropertyOptional({
    example: 'A child was hurt',
    nullable: true,
    type: String,
    maxLength: 1000,
  })
  @IsOptional()
  @IsCaseText(1000)
  reason?: string | null;
}
