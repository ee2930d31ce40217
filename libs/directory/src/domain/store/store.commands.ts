import { ChangeStamp } from '../shared/change-stamp';
import { StoreFields } from './store.events';

/** Create or replace a store (an idempotent PUT). */
export interface PutStore extends StoreFields, ChangeStamp {
  readonly type: 'PutStore';
}

export type StoreCommand = PutStore;
