import { EventStore } from '@heard/event-store';
import { getCalendar } from '@heard/sla';
import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE } from '../../../platform/tokens';
import { isDirectoryId } from '../../../directory/shared/is-directory-id';
import { GetCalendarQuery } from './get-calendar.query';

/** From the calendar's stream: an admin reads back what they just put. */
@QueryHandler(GetCalendarQuery)
export class GetCalendarHandler implements IQueryHandler<GetCalendarQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ calendarId }: GetCalendarQuery) {
    return isDirectoryId(calendarId) ? getCalendar(this.store, calendarId) : null;
  }
}
