import { requireConfigId, requireConfigStamp, unreachable } from '../shared/config-fields';
import { sameJson } from '../shared/same-json';
import { CalendarCommand } from './calendar.commands';
import { CalendarEvent } from './calendar.events';
import { CalendarState } from './calendar.state';
import { validateCalendar } from '../domain/validate-calendar';

export function decideCalendar(command: CalendarCommand, state: CalendarState): CalendarEvent[] {
  switch (command.type) {
    case 'PutCalendar': {
      const stamp = requireConfigStamp(command);
      const fields = validateCalendar(requireConfigId(command.calendarId, 'calendarId'), command);
      if (state.status === 'Undefined') {
        return [{ type: 'CalendarDefined', data: { ...fields, ...stamp } }];
      }
      if (sameJson(state.current, fields)) return [];
      return [{ type: 'CalendarChanged', data: { ...fields, ...stamp } }];
    }
    default:
      return unreachable(command.type, 'calendar command');
  }
}
