import { DomainError } from '@heard/kernel';

const CUSTOMER_ID = /^[A-Za-z0-9][A-Za-z0-9._:@|-]{0,199}$/;

/** Customer ids end up in stream names: the intake's rule for them. */
export function requireCustomerId(customerId: string): string {
  if (!CUSTOMER_ID.test(customerId))
    throw new DomainError(
      'customers.invalid_id',
      'id must be 1–200 letters, digits or . _ : @ | - as customer ids are',
      'invalid',
      'id',
    );
  return customerId;
}
