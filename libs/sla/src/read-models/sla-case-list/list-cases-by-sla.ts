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

/** A listed case with what the SLA context knows of it; null before its terms are recorded. */
export type SlaCaseListItem = CaseView & {
  readonly slaState: SlaState | null;
  readonly nearestDueAt: string | null;
};

export interface SlaCaseListPage extends Omit<CaseListPage, 'items'> {
  readonly items: readonly SlaCaseListItem[];
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
): Promise<SlaCaseListPage> {
  const { after, limit } = request;
  const query = dataSource
    .getRepository(CaseView)
    .createQueryBuilder('c')
    .leftJoin(SlaCase, 's', 's.case_id = c.case_id')
    .addSelect(ORDER_KEY, 'due_key')
    .addSelect('s.sla_state', 'sla_state')
    .addSelect('s.nearest_due_at', 'sla_nearest_due_at');
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
    .getRawAndEntities<{
      due_key: string;
      sla_state: SlaState | null;
      sla_nearest_due_at: string | null;
    }>();
  const items = entities.slice(0, limit).map((row, i) => ({
    ...row,
    slaState: raw[i].sla_state ?? null,
    nearestDueAt: raw[i].sla_nearest_due_at ?? null,
  }));
  const last = items[items.length - 1];
  const more = entities.length > limit && last !== undefined;
  return {
    items,
    nextCursor: more
      ? encodeCaseCursor({ dueAt: raw[items.length - 1].due_key, caseId: last.caseId })
      : null,
  };
}
