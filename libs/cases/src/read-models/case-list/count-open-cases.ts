import { DataSource } from 'typeorm';
import { OPEN_STATUSES } from '../../domain/case.types';
import { CaseView } from '../case-view/case-view.entity';

/** Open cases per person, for least-loaded routing; everyone asked for gets an entry. */
export async function countOpenCasesByOwner(
  dataSource: DataSource,
  ownerIds: readonly string[],
): Promise<Map<string, number>> {
  const counts = new Map(ownerIds.map((id) => [id, 0]));
  // `IN ()` is a syntax error on PostgreSQL.
  if (ownerIds.length === 0) return counts;
  const rows = await dataSource
    .getRepository(CaseView)
    .createQueryBuilder('c')
    .select('c.ownerId', 'ownerId')
    .addSelect('COUNT(*)', 'open')
    .where('c.ownerId IN (:...ownerIds)', { ownerIds: [...ownerIds] })
    .andWhere('c.status IN (:...statuses)', { statuses: [...OPEN_STATUSES] })
    .groupBy('c.ownerId')
    .getRawMany<{ ownerId: string; open: string | number }>();
  for (const row of rows) counts.set(row.ownerId, Number(row.open));
  return counts;
}
