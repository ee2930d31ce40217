import type { DomainEvent } from '@heard/event-store';
import { BusinessCalendar } from '../domain/calendar';
import { CalendarEvent } from './calendar.events';
import { evolveCalendar } from './calendar.evolve';
import { CalendarState, initialCalendarState } from './calendar.state';

/** A calendar as admins read it: the calendar at its version and when and by whom it was set. */
export interface CalendarEntry {
  readonly calendar: BusinessCalendar;
  readonly definedAt: string;
  readonly changedAt: string;
  readonly changedBy: string;
}

export function entryOfState(state: CalendarState, version: number): CalendarEntry | null {
  if (state.status === 'Undefined') return null;
  const { current, definedAt, changedAt, changedBy } = state;
  return { calendar: { ...current, version }, definedAt, changedAt, changedBy };
}

/**
 * The calendar as it stood at `version` of its stream (every event is one version), from that
 * history; null if the stream never reached it. Pure, so a projection can call it with events it holds.
 */
export function businessCalendarOf(
  history: readonly DomainEvent[],
  version: number,
): BusinessCalendar | null {
  if (!Number.isSafeInteger(version) || version < 1 || history.length < version) return null;
  const state = history
    .slice(0, version)
    .reduce((s, e) => evolveCalendar(s, e as CalendarEvent), initialCalendarState());
  return entryOfState(state, version)?.calendar ?? null;
}
