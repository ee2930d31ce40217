import { Role } from '@heard/kernel';

/** Everyone but integrations, which send feedback and read events but never work cases. */
export const CASE_ROLES: readonly Role[] = [
  'customer',
  'agent',
  'store_manager',
  'regional_manager',
  'cx_admin',
];

/** People who own and work cases. */
export const STAFF_ROLES: readonly Role[] = [
  'agent',
  'store_manager',
  'regional_manager',
  'cx_admin',
];
