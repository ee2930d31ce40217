import { ChangeStamp } from '../shared/change-stamp';
import { StoreFields } from './store.events';

/** Create or replace a store (an idempotent PUT); no calendarId is the same as null. */
export interface PutStore extends Omit<StoreFields, 'calendarId'>, ChangeStamp {
  readonly type: 'PutStore';
  readonly calendarId?: string | null;
}

export type StoreCommand = PutStore;
