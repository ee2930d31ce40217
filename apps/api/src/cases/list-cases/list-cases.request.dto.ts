import { CASE_STATUSES, CaseStatus, PRIORITIES, Priority } from '@heard/cases';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIsoInstant } from '@heard/http';
import { IsIn, IsOptional } from 'class-validator';
import { IsPersonId, IsSlug } from '../shared/case-field.validators';
import { CasePageRequest } from '../shared/page.request.dto';

export class ListCasesRequest extends CasePageRequest {
  @ApiPropertyOptional({ enum: CASE_STATUSES, example: 'open' })
  @IsOptional()
  @IsIn(CASE_STATUSES)
  status?: CaseStatus;

  @ApiPropertyOptional({ example: 'M-42', description: 'Owner person id' })
  @IsOptional()
  @IsPersonId()
  owner?: string;

  @ApiPropertyOptional({ example: 'S-042' })
  @IsOptional()
  @IsPersonId()
  store?: string;

  @ApiPropertyOptional({ example: 'R-SOUTH' })
  @IsOptional()
  @IsPersonId()
  region?: string;

  @ApiPropertyOptional({ enum: PRIORITIES, example: 'urgent' })
  @IsOptional()
  @IsIn(PRIORITIES)
  priority?: Priority;

  @ApiPropertyOptional({ example: 'queue' })
  @IsOptional()
  @IsSlug()
  category?: string;

  @ApiPropertyOptional({
    example: '2026-11-23T10:00:00.000Z',
    format: 'date-time',
    description: 'Only cases due strictly before this instant (date, time and offset)',
  })
  @IsOptional()
  @IsIsoInstant()
  dueBefore?: string;
}
