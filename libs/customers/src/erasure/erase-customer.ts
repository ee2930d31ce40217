import { Clock, EventStore } from '@heard/event-store';
import { customerKeyOwner } from '../keys/key-owner';
import { PersonalDataPort } from '../personal/personal-data.port';
import { CustomerErased, customerStreamId } from './customer-erased.event';

export interface EraseCustomerDependencies {
  readonly store: EventStore;
  readonly personal: PersonalDataPort;
  readonly clock: Clock;
}

export interface ErasureOutcome {
  readonly customerId: string;
  readonly keysDeleted: number;
  /** Global position of CustomerErased: read models have dropped the words once past it. */
  readonly position: bigint;
}

/**
 * Keys first: once they are gone nothing can open the words, whatever happens next. Erasing
 * again deletes nothing more and records the request again, so a retry is always safe.
 */
export async function eraseCustomer(
  deps: EraseCustomerDependencies,
  customerId: string,
  by: string,
): Promise<ErasureOutcome> {
  const keysDeleted = await deps.personal.forget(customerKeyOwner(customerId));
  const event: CustomerErased = {
    type: 'CustomerErased',
    data: { customerId, by, at: deps.clock.now().toISOString() },
  };
  const result = await deps.store.append(customerStreamId(customerId), [event], {
    expectedVersion: 'any',
  });
  return { customerId, keysDeleted, position: result.lastPosition };
}
