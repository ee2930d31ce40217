import { unreachable } from '../shared/config-fields';
import { CalendarEvent } from './calendar.events';
import { CalendarState } from './calendar.state';

export function evolveCalendar(state: CalendarState, event: CalendarEvent): CalendarState {
  switch (event.type) {
    case 'CalendarDefined':
    case 'CalendarChanged': {
      const { at, by, calendarId, timeZone, week, specialDays } = event.data;
      const definedAt = state.status === 'Defined' ? state.definedAt : at;
      return {
        status: 'Defined',
        current: { calendarId, timeZone, week, specialDays },
        definedAt,
        changedAt: at,
        changedBy: by,
      };
    }
    default:
      return unreachable(event, 'calendar event');
  }
}
