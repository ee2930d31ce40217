import { Role } from '@heard/kernel';

/** Who is calling, from a verified token. Scoping (which stores, teams, cases) is looked up per request. */
export interface Principal {
  readonly id: string;
  readonly role: Role;
}
