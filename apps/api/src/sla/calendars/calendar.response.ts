import { CalendarEntry } from '@heard/sla';
import { ApiProperty } from '@nestjs/swagger';
import { SpecialDayDto } from './special-day.dto';
import { WeekDto } from './week.dto';

export class CalendarResponse {
  @ApiProperty({ example: 'kyiv-stores' })
  calendarId!: string;

  @ApiProperty({ example: 'Europe/Kyiv' })
  timeZone!: string;

  @ApiProperty({
    type: () => WeekDto,
    description: 'Every weekday, closed ones as empty lists, intervals in order of their start',
    example: {
      mon: [{ from: '08:00', to: '20:00' }],
      tue: [],
      wed: [],
      thu: [],
      fri: [
        { from: '08:00', to: '13:00' },
        { from: '14:00', to: '24:00' },
      ],
      sat: [{ from: '22:00', to: '02:00' }],
      sun: [],
    },
  })
  week!: WeekDto;

  @ApiProperty({
    type: () => [SpecialDayDto],
    description: 'In date order',
    example: [{ date: '2026-12-25', hours: [], name: 'Christmas' }],
  })
  specialDays!: SpecialDayDto[];

  @ApiProperty({
    example: 2,
    description: 'Version of the calendar: 1 when defined, +1 per change; a case’s clock names it',
  })
  version!: number;

  @ApiProperty({ example: '2026-03-01T09:00:00.000Z', format: 'date-time' })
  definedAt!: string;

  @ApiProperty({ example: '2026-03-08T09:00:00.000Z', format: 'date-time' })
  changedAt!: string;

  @ApiProperty({ example: 'admin-1', description: 'Id of the person who made the last change' })
  changedBy!: string;
}

export const presentCalendar = ({
  calendar,
  definedAt,
  changedAt,
  changedBy,
}: CalendarEntry): CalendarResponse => ({
  calendarId: calendar.calendarId,
  timeZone: calendar.timeZone,
  week: Object.fromEntries(
    Object.entries(calendar.week).map(([day, hours]) => [day, hours.map((h) => ({ ...h }))]),
  ),
  specialDays: calendar.specialDays.map((day) => ({
    ...day,
    hours: day.hours.map((h) => ({ ...h })),
  })),
  version: calendar.version,
  definedAt,
  changedAt,
  changedBy,
});
