import { BoundedArray } from '@heard/http';
import { MAX_SPECIAL_DAYS } from '@heard/sla';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsOptional, ValidateNested } from 'class-validator';
import { IsCalendarTimeZone } from '../../shared/sla-field.validators';
import { SpecialDayDto } from '../special-day.dto';
import { WeekDto } from '../week.dto';

export class PutCalendarRequest {
  @ApiProperty({ example: 'Europe/Kyiv', description: 'IANA time zone the hours are read in' })
  @IsCalendarTimeZone()
  timeZone!: string;

  @ApiProperty({
    type: () => WeekDto,
    example: {
      mon: [{ from: '08:00', to: '20:00' }],
      fri: [
        { from: '08:00', to: '13:00' },
        { from: '14:00', to: '24:00' },
      ],
      sat: [{ from: '22:00', to: '02:00' }],
    },
  })
  @IsDefined()
  @ValidateNested()
  @Type(() => WeekDto)
  week!: WeekDto;

  @ApiProperty({
    type: () => [SpecialDayDto],
    required: false,
    maxItems: MAX_SPECIAL_DAYS,
    example: [
      { date: '2026-12-24', hours: [{ from: '08:00', to: '14:00' }], name: 'Christmas Eve' },
      { date: '2026-12-25', name: 'Christmas' },
    ],
    description: `Holidays and days with other hours, at most ${MAX_SPECIAL_DAYS}`,
  })
  @IsOptional()
  @BoundedArray(MAX_SPECIAL_DAYS)
  @ValidateNested({ each: true })
  @Type(() => SpecialDayDto)
  specialDays?: SpecialDayDto[];
}
