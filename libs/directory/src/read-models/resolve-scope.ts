import { Actor, Scope } from '@heard/kernel';
import { DataSource } from 'typeorm';
import { unreachable } from '../domain/shared/unreachable';
import { regionsLedBy, storesInRegions, storesManagedBy, teamsOf } from './scope-lookups';

/**
 * What `actor` may see, from the directory read models: read per request, so a new store
 * manager sees their store as soon as the projection has it, without a new token.
 */
export async function resolveScope(
  actor: Pick<Actor, 'id' | 'role'>,
  dataSource: DataSource,
): Promise<Scope> {
  const personId = actor.id;
  switch (actor.role) {
    case 'cx_admin':
      return { kind: 'everything' };
    case 'customer':
      return { kind: 'customer', customerId: personId };
    case 'integration':
      return { kind: 'nothing' };
    case 'store_manager':
      return {
        kind: 'staff',
        personId,
        storeIds: await storesManagedBy(dataSource, personId),
        regionIds: [],
        teamIds: await teamsOf(dataSource, personId),
      };
    case 'regional_manager': {
      const regionIds = await regionsLedBy(dataSource, personId);
      return {
        kind: 'staff',
        personId,
        storeIds: await storesInRegions(dataSource, regionIds),
        regionIds,
        teamIds: await teamsOf(dataSource, personId),
      };
    }
    case 'agent':
      return {
        kind: 'staff',
        personId,
        storeIds: [],
        regionIds: [],
        teamIds: await teamsOf(dataSource, personId),
      };
    default:
      return unreachable(actor.role, 'role');
  }
}
