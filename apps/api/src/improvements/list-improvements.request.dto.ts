import { ApiPropertyOptional } from '@nestjs/swagger';
import { IMPROVEMENT_STATUSES, ImprovementStatus } from '@heard/loop';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { IsImprovementId } from './improvement-field.validators';

export const MAX_IMPROVEMENT_PAGE = 200;

/** Newest first, keyset-paged: `cursor` is the previous page's nextCursor. */
export class ListImprovementsRequest {
  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(400)
  cursor?: string;

  @ApiPropertyOptional({ example: 50, minimum: 1, maximum: MAX_IMPROVEMENT_PAGE, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_IMPROVEMENT_PAGE)
  limit?: number;

  @ApiPropertyOptional({ enum: IMPROVEMENT_STATUSES, example: 'shipped' })
  @IsOptional()
  @IsIn(IMPROVEMENT_STATUSES)
  status?: ImprovementStatus;

  @ApiPropertyOptional({ example: 'S-042', description: 'Only improvements for this store' })
  @IsOptional()
  @IsImprovementId()
  store?: string;
}
