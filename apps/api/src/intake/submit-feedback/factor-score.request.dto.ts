import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Matches, Max, Min } from 'class-validator';
import { SLUG_PATTERN } from '../validation/text-rules';

/** One loyalty factor, one score: factors are asked one per question. */
export class FactorScoreRequestDto {
  @ApiProperty({ example: 'queue_length', pattern: SLUG_PATTERN.source })
  @Matches(SLUG_PATTERN, {
    message: 'factor must be lower-case words joined by _, e.g. queue_length',
  })
  factor!: string;

  @ApiProperty({ example: 4, minimum: 0, maximum: 10 })
  @IsInt()
  @Min(0)
  @Max(10)
  score!: number;
}
