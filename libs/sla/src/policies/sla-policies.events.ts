import type { DomainEvent } from '@heard/event-store';
import { SlaPolicySet } from '../domain/sla-policy';
import { ConfigStamp } from '../shared/config-fields';

/** Carries the whole set, so the version a case counted with can be read back from one event. */
export type SlaPoliciesPublished = DomainEvent<'SlaPoliciesPublished', SlaPolicySet & ConfigStamp>;

export type SlaPoliciesEvent = SlaPoliciesPublished;
