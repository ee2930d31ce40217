import { MAX_INTERVALS_PER_DAY } from '@heard/sla';
import { BoundedArray } from '@heard/http';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional, ValidateNested } from 'class-validator';
import { OpeningIntervalDto } from './opening-interval.dto';

/** Opening hours per weekday; a day left out (or empty) is closed. Intervals must not overlap. */
export class WeekDto {
  @ApiProperty({
    type: () => [OpeningIntervalDto],
    required: false,
    maxItems: MAX_INTERVALS_PER_DAY,
    example: [{ from: '08:00', to: '20:00' }],
  })
  @IsOptional()
  @BoundedArray(MAX_INTERVALS_PER_DAY)
  @ValidateNested({ each: true })
  @Type(() => OpeningIntervalDto)
  mon?: OpeningIntervalDto[];

  @ApiProperty({
    type: () => [OpeningIntervalDto],
    required: false,
    maxItems: MAX_INTERVALS_PER_DAY,
    example: [{ from: '08:00', to: '20:00' }],
  })
  @IsOptional()
  @BoundedArray(MAX_INTERVALS_PER_DAY)
  @ValidateNested({ each: true })
  @Type(() => OpeningIntervalDto)
  tue?: OpeningIntervalDto[];

  @ApiProperty({
    type: () => [OpeningIntervalDto],
    required: false,
    maxItems: MAX_INTERVALS_PER_DAY,
    example: [{ from: '08:00', to: '20:00' }],
  })
  @IsOptional()
  @BoundedArray(MAX_INTERVALS_PER_DAY)
  @ValidateNested({ each: true })
  @Type(() => OpeningIntervalDto)
  wed?: OpeningIntervalDto[];

  @ApiProperty({
    type: () => [OpeningIntervalDto],
    required: false,
    maxItems: MAX_INTERVALS_PER_DAY,
    example: [{ from: '08:00', to: '20:00' }],
  })
  @IsOptional()
  @BoundedArray(MAX_INTERVALS_PER_DAY)
  @ValidateNested({ each: true })
  @Type(() => OpeningIntervalDto)
  thu?: OpeningIntervalDto[];

  @ApiProperty({
    type: () => [OpeningIntervalDto],
    required: false,
    maxItems: MAX_INTERVALS_PER_DAY,
    example: [
      { from: '08:00', to: '13:00' },
      { from: '14:00', to: '24:00' },
    ],
  })
  @IsOptional()
  @BoundedArray(MAX_INTERVALS_PER_DAY)
  @ValidateNested({ each: true })
  @Type(() => OpeningIntervalDto)
  fri?: OpeningIntervalDto[];

  @ApiProperty({
    type: () => [OpeningIntervalDto],
    required: false,
    maxItems: MAX_INTERVALS_PER_DAY,
    example: [{ from: '22:00', to: '02:00' }],
  })
  @IsOptional()
  @BoundedArray(MAX_INTERVALS_PER_DAY)
  @ValidateNested({ each: true })
  @Type(() => OpeningIntervalDto)
  sat?: OpeningIntervalDto[];

  @ApiProperty({
    type: () => [OpeningIntervalDto],
    required: false,
    maxItems: MAX_INTERVALS_PER_DAY,
    example: [],
  })
  @IsOptional()
  @BoundedArray(MAX_INTERVALS_PER_DAY)
  @ValidateNested({ each: true })
  @Type(() => OpeningIntervalDto)
  sun?: OpeningIntervalDto[];
}
