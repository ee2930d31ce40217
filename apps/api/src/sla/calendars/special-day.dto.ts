import { MAX_INTERVALS_PER_DAY } from '@heard/sla';
import { BoundedArray } from '@heard/http';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { IsCalendarDate } from '../shared/sla-field.validators';
import { OpeningIntervalDto } from './opening-interval.dto';

/** A holiday (no hours) or a day with other hours than its weekday's. */
export class SpecialDayDto {
  @ApiProperty({
    example: '2026-12-24',
    description: 'YYYY-MM-DD in the calendar’s zone; one entry a date',
  })
  @IsCalendarDate()
  date!: string;

  @ApiProperty({
    type: () => [OpeningIntervalDto],
    required: false,
    maxItems: MAX_INTERVALS_PER_DAY,
    example: [{ from: '08:00', to: '14:00' }],
    description: 'Absent or empty: closed all day',
  })
  @IsOptional()
  @BoundedArray(MAX_INTERVALS_PER_DAY)
  @ValidateNested({ each: true })
  @Type(() => OpeningIntervalDto)
  hours?: OpeningIntervalDto[];

  @ApiProperty({ example: 'Christmas Eve', required: false, maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  name?: string;
}
