import type { DomainEvent } from '@heard/event-store';
import { ChangeStamp } from '../shared/change-stamp';

export interface TeamFields {
  readonly teamId: string;
  readonly name: string;
  /** A set: sorted and without duplicates, so an equal set is an unchanged team. */
  readonly memberIds: readonly string[];
  /** Key of the work queue the team's cases wait in. */
  readonly queue: string;
}

export type TeamDefined = DomainEvent<'TeamDefined', TeamFields & ChangeStamp>;
export type TeamChanged = DomainEvent<'TeamChanged', TeamFields & ChangeStamp>;
export type TeamEvent = TeamDefined | TeamChanged;
