import type { DomainEvent } from '@heard/event-store';
import { ConfigStamp } from '../shared/config-fields';
import { CalendarFields } from '../domain/validate-calendar';

/** The whole calendar in each event, so the version a case counted with reads back from one. */
export type CalendarDefined = DomainEvent<'CalendarDefined', CalendarFields & ConfigStamp>;
export type CalendarChanged = DomainEvent<'CalendarChanged', CalendarFields & ConfigStamp>;
export type CalendarEvent = CalendarDefined | CalendarChanged;
