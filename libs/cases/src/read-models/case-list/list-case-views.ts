import { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { CaseStatus, Priority } from '../../domain/case.types';
import { CaseView } from '../case-view/case-view.entity';
import { applyScopeFilter } from '../case-scope/apply-scope-filter';
import { ScopeFilter } from '../case-scope/case-scope.filter';
import { CaseCursor, encodeCaseCursor } from './case-cursor';

export interface CaseListFilters {
  readonly statuses?: readonly CaseStatus[];
  readonly ownerId?: string;
  readonly storeId?: string;
  readonly regionId?: string;
  readonly priority?: Priority;
  readonly category?: string;
  /** ISO instant: only cases due strictly before it. */
  readonly dueBefore?: string;
}

export interface CaseListRequest {
  readonly visible: ScopeFilter;
  readonly filters: CaseListFilters;
  readonly after: CaseCursor | null;
  readonly limit: number;
}

export interface CaseListPage {
  readonly items: readonly CaseView[];
  /** Null on the last page. */
  readonly nextCursor: string | null;
}

const EQUALITY_FILTERS = ['ownerId', 'storeId', 'regionId', 'priority', 'category'] as const;

/**
 * Adds the list's filters to a query on case_view aliased `alias`, so that a downstream read
 * model joining case_view (the SLA's order and states) filters exactly as the list does.
 */
export function applyCaseListFilters<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  alias: string,
  filters: CaseListFilters,
): SelectQueryBuilder<T> {
  if (filters.statuses && filters.statuses.length > 0) {
    query.andWhere(`${alias}.status IN (:...statuses)`, { statuses: [...filters.statuses] });
  }
  for (const field of EQUALITY_FILTERS) {
    const value = filters[field];
    if (value !== undefined) query.andWhere(`${alias}.${field} = :${field}`, { [field]: value });
  }
  // Timestamps are fixed-width ISO text, so text comparison is time comparison.
  if (filters.dueBefore !== undefined) {
    query.andWhere(`${alias}.dueAt < :dueBefore`, { dueBefore: filters.dueBefore });
  }
  return query;
}

/** Cases by deadline, then id; keyset pagination so a page never repeats or skips a row. */
export async function listCaseViews(
  dataSource: DataSource,
  request: CaseListRequest,
): Promise<CaseListPage> {
  const { filters, after, limit } = request;
  const query = dataSource.getRepository(CaseView).createQueryBuilder('c');
  applyScopeFilter(query, 'c', request.visible);
  applyCaseListFilters(query, 'c', filters);
  if (after !== null) {
    query.andWhere('(c.dueAt > :afterDue OR (c.dueAt = :afterDue AND c.caseId > :afterId))', {
      afterDue: after.dueAt,
      afterId: after.caseId,
    });
  }
  const rows = await query
    .orderBy('c.dueAt', 'ASC')
    .addOrderBy('c.caseId', 'ASC')
    .limit(limit + 1)
    .getMany();
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  const more = rows.length > limit && last !== undefined;
  return {
    items,
    nextCursor: more
      ? encodeCaseCursor({ dueAt: last.dueAt.toISOString(), caseId: last.caseId })
      : null,
  };
}
