import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { caseScopeFilter } from '@heard/cases/subscriptions';
import { listCasesBySla } from '@heard/sla/subscriptions';
import { DataSource } from 'typeorm';
import { READ_MODELS } from '../../platform/tokens';
import { CaseAccess } from '../shared/case-access';
import { caseCursorOf } from '../shared/case-cursor-of';
import { CasePageResponse } from '../shared/case-page.response';
import { slaSummaryOfRow } from '../shared/sla-summary-of-row';
import { caseSummaryFor } from '../shared/customer-case-summary.response';
import { ListCasesQuery } from './list-cases.query';

const DEFAULT_LIMIT = 50;

@QueryHandler(ListCasesQuery)
export class ListCasesHandler implements IQueryHandler<ListCasesQuery> {
  constructor(
    @Inject(READ_MODELS) private readonly readModels: DataSource,
    private readonly access: CaseAccess,
  ) {}

  async execute({ viewer, request }: ListCasesQuery): Promise<CasePageResponse> {
    const after = caseCursorOf(request.cursor);
    const scope = await this.access.scopeOf(viewer);
    const page = await listCasesBySla(this.readModels, {
      visible: caseScopeFilter(scope),
      filters: {
        statuses: request.status === undefined ? undefined : [request.status],
        ownerId: request.owner,
        storeId: request.store,
        regionId: request.region,
        priority: request.priority,
        category: request.category,
        dueBefore:
          request.dueBefore === undefined ? undefined : new Date(request.dueBefore).toISOString(),
      },
      slaState: request.slaState,
      after,
      limit: request.limit ?? DEFAULT_LIMIT,
    });
    const items = page.items.map((row) => caseSummaryFor(viewer, slaSummaryOfRow(row)));
    return { items, nextCursor: page.nextCursor };
  }
}
