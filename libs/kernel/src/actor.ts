export const ROLES = [
  'customer',
  'agent',
  'store_manager',
  'regional_manager',
  'cx_admin',
  'integration',
] as const;
export type Role = (typeof ROLES)[number];

/** Who did something, as recorded in events. */
export interface Actor {
  readonly id: string;
  readonly role: Role;
}
