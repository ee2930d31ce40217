import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { OPEN_STATUSES } from '@heard/cases';
import { listCasesBySla } from '@heard/sla/subscriptions';
import { DataSource } from 'typeorm';
import { READ_MODELS } from '../../platform/tokens';
import { CaseAccess } from '../shared/case-access';
import { caseCursorOf } from '../shared/case-cursor-of';
import { CasePageResponse } from '../shared/case-page.response';
import { slaSummaryOfRow } from '../shared/sla-summary-of-row';
import { assignmentsFilter } from './assignments-filter';
import { MyAssignmentsQuery } from './my-assignments.query';

const DEFAULT_LIMIT = 50;

@QueryHandler(MyAssignmentsQuery)
export class MyAssignmentsHandler implements IQueryHandler<MyAssignmentsQuery> {
  constructor(
    @Inject(READ_MODELS) private readonly readModels: DataSource,
    private readonly access: CaseAccess,
  ) {}

  async execute({ viewer, page }: MyAssignmentsQuery): Promise<CasePageResponse> {
    const after = caseCursorOf(page.cursor);
    const scope = await this.access.scopeOf(viewer);
    const result = await listCasesBySla(this.readModels, {
      visible: assignmentsFilter(viewer.id, scope),
      filters: { statuses: OPEN_STATUSES },
      slaState: page.slaState,
      after,
      limit: page.limit ?? DEFAULT_LIMIT,
    });
    return { items: result.items.map(slaSummaryOfRow), nextCursor: result.nextCursor };
  }
}
