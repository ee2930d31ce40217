import { ChangeStamp } from '../shared/change-stamp';

/** Create or replace a person (an idempotent PUT); role order and duplicates do not matter. */
export interface PutPerson extends ChangeStamp {
  readonly type: 'PutPerson';
  readonly personId: string;
  readonly name: string;
  /** Checked against ROLES by decide; typed loosely because it arrives from the admin API. */
  readonly roles: readonly string[];
  readonly locale: string;
  /** For staff alerts; optional, a person without one is not e-mailed. */
  readonly email?: string;
}

export type PersonCommand = PutPerson;
