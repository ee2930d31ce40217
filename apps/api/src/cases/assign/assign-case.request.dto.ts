import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsCaseText, IsPersonId } from '../shared/case-field.validators';

export class AssignCaseRequest {
  @ApiProperty({ example: 'A-2', description: 'A person in the directory with a staff role' })
  @IsPersonId()
  ownerId!: string;

  @ApiPropertyOptional({
    example: 'T-CARE',
    nullable: true,
    type: String,
    description: 'The team whose queue the case belongs to; absent keeps the current team',
  })
  @IsOptional()
  @IsPersonId()
  teamId?: string | null;

  @ApiPropertyOptional({ example: 'M-42 is on leave this week', maxLength: 1000 })
  @IsOptional()
  @IsCaseText(1000)
  reason?: string;
}
