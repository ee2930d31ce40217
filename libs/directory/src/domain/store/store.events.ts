import type { DomainEvent } from '@heard/event-store';
import { ChangeStamp } from '../shared/change-stamp';

export interface StoreFields {
  readonly storeId: string;
  readonly name: string;
  readonly regionId: string | null;
  /** IANA zone: deadlines and "on that day" are read in the store's local time. */
  readonly timezone: string;
  /** The person store_manager routing rules assign to; null while the post is vacant. */
  readonly managerId: string | null;
  /**
   * The business calendar (SLA context) its business targets count with; null: they count 24x7
   * in the store's own zone. Events written before calendars existed have none.
   */
  readonly calendarId: string | null;
}

export type StoreDefined = DomainEvent<'StoreDefined', StoreFields & ChangeStamp>;
export type StoreChanged = DomainEvent<'StoreChanged', StoreFields & ChangeStamp>;
export type StoreEvent = StoreDefined | StoreChanged;
