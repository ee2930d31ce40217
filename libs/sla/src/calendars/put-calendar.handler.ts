import { EventStore, handleCommand, HandleResult } from '@heard/event-store';
import { ConfigCommandContext, configEnvelope } from '../shared/config-envelope';
import { requireConfigId } from '../shared/config-fields';
import { PutCalendar } from './calendar.commands';
import { calendarDecider } from './calendar.decider';
import { CalendarEvent } from './calendar.events';
import { CalendarState, calendarStreamId } from './calendar.state';

export async function putCalendar(
  eventStore: EventStore,
  command: PutCalendar,
  context: ConfigCommandContext = {},
): Promise<HandleResult<CalendarEvent, CalendarState>> {
  const calendarId = requireConfigId(command.calendarId, 'calendarId');
  return handleCommand(eventStore, calendarStreamId(calendarId), calendarDecider, command, {
    envelope: configEnvelope(context),
  });
}
