import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { SLA_STATES, SlaState } from '@heard/sla';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export const MAX_CASE_PAGE = 200;

/** Keyset paging by the nearest due SLA target: `cursor` is the previous page's nextCursor. */
export class CasePageRequest {
  @ApiPropertyOptional({
    example: 'WyIyMDI2LTExLTIzVDEwOjAwOjAwLjAwMFoiLCJmLTEiXQ',
    description: 'nextCursor of the previous page',
  })
  @IsOptional()
  @IsString()
  @MaxLength(400)
  cursor?: string;

  @ApiPropertyOptional({ example: 50, minimum: 1, maximum: MAX_CASE_PAGE, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_CASE_PAGE)
  limit?: number;

  @ApiPropertyOptional({
    enum: SLA_STATES,
    example: 'breached',
    description:
      'Only cases in this SLA state: ok (counting), warning (a target passed its warning share) or breached (a target was missed and not made good)',
  })
  @IsOptional()
  @IsIn(SLA_STATES)
  slaState?: SlaState;
}
