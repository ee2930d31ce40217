import { CalendarEntry } from '@heard/sla';
import { Query } from '@nestjs/cqrs';

export class GetCalendarQuery extends Query<CalendarEntry | null> {
  constructor(readonly calendarId: string) {
    super();
  }
}
