import { resolveScope } from '@heard/directory/read-models';
import { Actor, Scope } from '@heard/kernel';
import { DataSource } from 'typeorm';

/**
 * Whose feedback a caller may read. The directory decides for everyone but agents: they are the
 * central care team and work cases of every store, while the directory gives them only their
 * teams, which feedback does not carry. Narrow this once case ownership by team is readable here.
 */
export function intakeScope(viewer: Actor, readModels: DataSource): Promise<Scope> {
  if (viewer.role === 'agent') return Promise.resolve({ kind: 'everything' });
  return resolveScope(viewer, readModels);
}
