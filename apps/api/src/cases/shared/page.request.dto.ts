import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export const MAX_CASE_PAGE = 200;

/** Keyset paging by deadline: `cursor` is the previous page's nextCursor. */
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
}
