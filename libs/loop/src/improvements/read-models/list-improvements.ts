import type { Scope } from '@heard/kernel';
import { Brackets, DataSource } from 'typeorm';
import { encodeImprovementCursor, ImprovementCursor } from './improvement-cursor';
import { ImprovementStoreRow, ImprovementViewRow } from './improvement-view.entity';

export interface ListImprovementsRequest {
  readonly scope: Scope;
  readonly status?: string;
  readonly storeId?: string;
  readonly after: ImprovementCursor | null;
  readonly limit: number;
}

export interface ImprovementListItem {
  readonly improvementId: string;
  readonly title: string;
  readonly status: string;
  readonly owner: string;
  readonly proposedBy: string;
  readonly storeIds: string[];
  readonly categories: string[];
  readonly linkedFeedback: number;
  readonly proposedAt: string;
  readonly shippedAt: string | null;
}

export interface ImprovementListPage {
  readonly items: ImprovementListItem[];
  readonly nextCursor: string | null;
}

/** Newest first, keyset-paged, with the same visibility as `mayRead`. */
export async function listImprovements(
  dataSource: DataSource,
  request: ListImprovementsRequest,
): Promise<ImprovementListPage> {
  const { scope } = request;
  if (scope.kind === 'nothing' || scope.kind === 'customer') return { items: [], nextCursor: null };
  const query = dataSource.getRepository(ImprovementViewRow).createQueryBuilder('i');
  const storeTable = dataSource.getMetadata(ImprovementStoreRow).tablePath;
  if (scope.kind === 'staff') {
    query.andWhere(
      new Brackets((where) => {
        where.where('i.ownerId = :me', { me: scope.personId });
        where.orWhere('i.proposedBy = :me', { me: scope.personId });
        if (scope.storeIds.length > 0)
          where.orWhere(
            `i.improvement_id IN (SELECT s.improvement_id FROM ${storeTable} s WHERE s.store_id IN (:...mine))`,
            { mine: [...scope.storeIds] },
          );
      }),
    );
  }
  if (request.status !== undefined)
    query.andWhere('i.status = :status', { status: request.status });
  if (request.storeId !== undefined)
    query.andWhere(
      `i.improvement_id IN (SELECT f.improvement_id FROM ${storeTable} f WHERE f.store_id = :store)`,
      { store: request.storeId },
    );
  if (request.after !== null)
    query.andWhere(
      new Brackets((where) => {
        where.where('i.proposedAt < :at', { at: request.after!.proposedAt });
        where.orWhere('(i.proposedAt = :at AND i.improvementId < :id)', {
          at: request.after!.proposedAt,
          id: request.after!.improvementId,
        });
      }),
    );
  const rows = await query
    .orderBy('i.proposedAt', 'DESC')
    .addOrderBy('i.improvementId', 'DESC')
    .limit(request.limit + 1)
    .getMany();
  const page = rows.slice(0, request.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((row) => ({
      improvementId: row.improvementId,
      title: row.title,
      status: row.status,
      owner: row.ownerId,
      proposedBy: row.proposedBy,
      storeIds: JSON.parse(row.storeIds) as string[],
      categories: JSON.parse(row.categories) as string[],
      linkedFeedback: row.linkedFeedback,
      proposedAt: row.proposedAt.toISOString(),
      shippedAt: row.shippedAt === null ? null : row.shippedAt.toISOString(),
    })),
    nextCursor:
      rows.length > request.limit && last
        ? encodeImprovementCursor({
            proposedAt: last.proposedAt.toISOString(),
            improvementId: last.improvementId,
          })
        : null,
  };
}
