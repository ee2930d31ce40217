import type { Decider } from '@heard/event-store';
import { CalendarCommand } from './calendar.commands';
import { decideCalendar } from './calendar.decide';
import { CalendarEvent } from './calendar.events';
import { evolveCalendar } from './calendar.evolve';
import { CalendarState, initialCalendarState } from './calendar.state';

export const calendarDecider: Decider<CalendarCommand, CalendarEvent, CalendarState> = {
  decide: decideCalendar,
  evolve: evolveCalendar,
  initialState: initialCalendarState,
};
