import { ApiPropertyOptional } from '@nestjs/swagger';
import { MAX_PAGE_SIZE } from '@heard/feedback/read-models';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export class MyFeedbackRequestDto {
  @ApiPropertyOptional({
    example: 'WyIyMDI2LTExLTIwVDA3OjMxOjAyLjExNFoiLCIwMTkzZTdhMCJd',
    description: 'nextCursor of the previous page',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;

  @ApiPropertyOptional({ example: 20, minimum: 1, maximum: MAX_PAGE_SIZE, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit?: number;
}
