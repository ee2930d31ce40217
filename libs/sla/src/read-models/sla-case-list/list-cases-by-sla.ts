import {
  applyCaseListFilters,
  applyScopeFilter,
  CaseListFilters,
  CaseListPage,
  CaseView,
  encodeCaseCursor,
  CaseCursor,
  ScopeFilter,
} from '@heard/cases/subscriptions';
import { DataSource } from 'typeorm';
import { SlaState } from '../../application/case-sla-view/case-sla-view';
import { SlaCase } from '../sla-cases/sla-case.entity';

export interface SlaCaseListRequest {
  readonly visible: ScopeFilter;
  readonly filters: CaseListFilters;
  /** Only cases in this SLA state (as last recorded: a warning or breach the poller appended). */
  readonly slaState?: SlaState;
  /** The cursor's dueAt is the nearest due time the list orders by. */
  readonly after: CaseCursor | null;
  readonly limit: number;
}

/** Nearest due target first (the case's deadline when no target runs), then id; keyset paged. */
const ORDER_KEY = 'COALESCE(s.nearest_due_at, c.due_at)';

/**
 * The case list in SLA order: case_view joined to the SLA context's sla_case, downstream of
 * both, so the cases context never hears of SLA states.
 */
export async function listCasesBySla(
  dataSource: DataSource,
  request: SlaCaseListRequest,
): Promise<CaseListPage> {
  const { after, limit } = request;
  const query = dataSource
    .getRepository(CaseView)
    .createQueryBuilder('c')
    .leftJoin(SlaCase, 's', 's.case_id = c.case_id')
    .addSelect(ORDER_KEY, 'due_key');
  applyScopeFilter(query, 'c', request.visible);
  applyCaseListFilters(query, 'c', request.filters);
  if (request.slaState !== undefined) {
    query.andWhere('s.sla_state = :slaState', { slaState: request.slaState });
  }
  if (after !== null) {
    query.andWhere(
      `(${ORDER_KEY} > :afterDue OR (${ORDER_KEY} = :afterDue AND c.case_id > :afterId))`,
      {
        afterDue: after.dueAt,
        afterId: after.caseId,
      },
    );
  }
  const { entities, raw } = await query
    .orderBy('due_key', 'ASC')
    .addOrderBy('c.case_id', 'ASC')
    .limit(limit + 1)
    .getRawAndEntities<{ due_key: string }>();
  const items = entities.slice(0, limit);
  const last = items[items.length - 1];
  const more = entities.length > limit && last !== undefined;
  return {
    items,
    nextCursor: more
      ? encodeCaseCursor({ dueAt: raw[items.length - 1].due_key, caseId: last.caseId })
      : null,
  };
}
