import type { EventStore } from '@heard/event-store';
import { BusinessCalendar } from '../domain/calendar';
import { calendarStreamId } from './calendar.state';
import { businessCalendarOf, CalendarEntry, entryOfState } from './calendar-entry';
import { calendarDecider } from './calendar.decider';
import { CalendarEvent } from './calendar.events';

/** The calendar now, with its version; null if nobody put it. */
export async function getCalendar(
  eventStore: EventStore,
  calendarId: string,
): Promise<CalendarEntry | null> {
  const history = await eventStore.readStream(calendarStreamId(calendarId));
  const state = history.reduce(
    (s, e) => calendarDecider.evolve(s, { type: e.type, data: e.data } as CalendarEvent),
    calendarDecider.initialState(),
  );
  return entryOfState(state, history.at(-1)?.streamVersion ?? 0);
}

/** The calendar as it stood at one version, to count a case's clock as it was counted. */
export async function loadBusinessCalendar(
  eventStore: EventStore,
  calendarId: string,
  version: number,
): Promise<BusinessCalendar | null> {
  if (!Number.isSafeInteger(version) || version < 1) return null;
  const history = await eventStore.readStream(calendarStreamId(calendarId), { limit: version });
  return businessCalendarOf(
    history.map((e) => ({ type: e.type, data: e.data })),
    version,
  );
}
