import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { caseTimeline, loadCase } from '@heard/cases';
import { caseVisibleTo } from '@heard/cases/subscriptions';
import { Clock, EventStore } from '@heard/event-store';
import { caseSlaView, SlaSources } from '@heard/sla';
import { CLOCK, EVENT_STORE } from '../../platform/tokens';
import { CaseAccess } from '../shared/case-access';
import { caseSummaryOfState } from '../shared/case-summary.response';
import { customerCaseSummary } from '../shared/customer-case-summary.response';
import { CaseDetailsResponse } from './case-details.response';
import { caseSlaResponse } from './case-sla.response';
import { CustomerCaseDetailsResponse } from './customer-case-details.response';
import { GetCaseQuery } from './get-case.query';

/** From the case stream, not the list: the answer includes the caller's own last action. */
@QueryHandler(GetCaseQuery)
export class GetCaseHandler implements IQueryHandler<GetCaseQuery> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly access: CaseAccess,
    private readonly sla: SlaSources,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({
    caseId,
    viewer,
  }: GetCaseQuery): Promise<CaseDetailsResponse | CustomerCaseDetailsResponse> {
    const scope = await this.access.scopeOf(viewer);
    const loaded = await loadCase(this.store, caseId, (state) => caseVisibleTo(scope, state));
    const summary = caseSummaryOfState(loaded.state, loaded.version, loaded.updatedAt);
    if (viewer.role === 'customer') {
      return {
        ...customerCaseSummary(summary),
        timeline: caseTimeline(loaded.history, 'customer'),
      };
    }
    const sla = await caseSlaView(this.sla, loaded.history, this.clock.now());
    return {
      ...summary,
      timeline: caseTimeline(loaded.history, 'staff'),
      sla: sla === null ? null : caseSlaResponse(sla),
    };
  }
}
