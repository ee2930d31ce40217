import { DataSource, In } from 'typeorm';
import { byCodeUnit } from '../domain/shared/ids';
import { RegionView } from './region-view.entity';
import { StoreView } from './store-view.entity';
import { TeamMemberView } from './team-member-view.entity';

// Sorted in code, not by ORDER BY: PostgreSQL sorts text by its collation, SQLite by bytes.
const sorted = (ids: readonly string[]): string[] => [...new Set(ids)].sort(byCodeUnit);

export async function storesManagedBy(dataSource: DataSource, personId: string): Promise<string[]> {
  const rows = await dataSource.getRepository(StoreView).findBy({ managerId: personId });
  return sorted(rows.map((row) => row.storeId));
}

export async function regionsLedBy(dataSource: DataSource, personId: string): Promise<string[]> {
  const rows = await dataSource.getRepository(RegionView).findBy({ leadId: personId });
  return sorted(rows.map((row) => row.regionId));
}

export async function storesInRegions(
  dataSource: DataSource,
  regionIds: readonly string[],
): Promise<string[]> {
  // `IN ()` is a syntax error on PostgreSQL.
  if (regionIds.length === 0) return [];
  const rows = await dataSource.getRepository(StoreView).findBy({ regionId: In([...regionIds]) });
  return sorted(rows.map((row) => row.storeId));
}

export async function teamsOf(dataSource: DataSource, personId: string): Promise<string[]> {
  const rows = await dataSource.getRepository(TeamMemberView).findBy({ personId });
  return sorted(rows.map((row) => row.teamId));
}
