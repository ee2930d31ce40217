import { DomainEvent } from '@heard/event-store';

/** The customer's keys are gone. Carries no personal data: the id is a pseudonym already in every event. */
export type CustomerErased = DomainEvent<
  'CustomerErased',
  { readonly customerId: string; readonly by: string; readonly at: string }
>;

export const customerStreamId = (customerId: string): string => `customer-${customerId}`;
