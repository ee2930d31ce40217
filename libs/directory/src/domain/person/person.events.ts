import type { DomainEvent } from '@heard/event-store';
import { ChangeStamp } from '../shared/change-stamp';
import { Role } from './role';

/**
 * Personal data sits in one sub-object so it can be encrypted per person (crypto-shredding)
 * without changing the event's shape.
 */
export interface PersonalData {
  readonly name: string;
  /** Where staff alerts (SLA warnings, breaches, escalations) are e-mailed; absent: not e-mailed. */
  readonly email?: string;
}

export interface PersonFields {
  readonly personId: string;
  readonly roles: readonly Role[];
  /** BCP 47 tag: the language notices and the UI use for this person. */
  readonly locale: string;
  readonly personal: PersonalData;
}

export type PersonDefined = DomainEvent<'PersonDefined', PersonFields & ChangeStamp>;
export type PersonChanged = DomainEvent<'PersonChanged', PersonFields & ChangeStamp>;
export type PersonEvent = PersonDefined | PersonChanged;
