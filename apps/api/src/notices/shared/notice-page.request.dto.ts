import { MAX_NOTICE_PAGE } from '@heard/loop/subscriptions';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

/** Keyset paging, newest first: `cursor` is the previous page's nextCursor. */
export class NoticePageRequest {
  @ApiPropertyOptional({
    example: 'WyIyMDI2LTEyLTAxVDEwOjAwOjAwLjAwMFoiLCJuLTEiXQ',
    description: 'nextCursor of the previous page',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;

  @ApiPropertyOptional({ example: 20, minimum: 1, maximum: MAX_NOTICE_PAGE, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_NOTICE_PAGE)
  limit?: number;
}
