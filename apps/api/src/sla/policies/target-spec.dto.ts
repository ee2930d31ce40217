import { CALENDAR_KINDS, CalendarKind } from '@heard/sla';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { IsIsoDuration } from '../shared/sla-field.validators';

export class TargetSpecDto {
  @ApiProperty({
    example: 'PT72H',
    description:
      'ISO 8601 duration in days, hours, minutes or seconds (PT72H, PT4H, PT15M, PT30S, P2D), above zero and at most 366 days; no years or months',
  })
  @IsIsoDuration()
  duration!: string;

  @ApiProperty({
    example: '24x7',
    enum: CALENDAR_KINDS,
    description:
      '24x7: every minute counts; business: only the opening hours of the store’s calendar (24x7 in its zone when it has none)',
  })
  @IsIn(CALENDAR_KINDS)
  calendar!: CalendarKind;
}
