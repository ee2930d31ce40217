import { ChangeStamp } from '../shared/change-stamp';
import { TeamFields } from './team.events';

/** Create or replace a team (an idempotent PUT); member order and duplicates do not matter. */
export interface PutTeam extends TeamFields, ChangeStamp {
  readonly type: 'PutTeam';
}

export type TeamCommand = PutTeam;
