import { resolveScope } from '@heard/directory/read-models';
import { Actor, Scope } from '@heard/kernel';
import { DataSource } from 'typeorm';

/**
 * Whose feedback a caller may read: the directory's scope, as for cases. Agents get only their
 * teams, so they read feedback through the cases of their teams' queues and their own cases.
 */
export function intakeScope(viewer: Actor, readModels: DataSource): Promise<Scope> {
  return resolveScope(viewer, readModels);
}
