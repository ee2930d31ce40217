import { resolveScope } from '@heard/directory/read-models';
import { Clock } from '@heard/event-store';
import { validatePolicySet } from '@heard/sla';
import { slaWhatIf } from '@heard/sla/subscriptions';
import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { CLOCK, READ_MODELS } from '../../platform/tokens';
import { policySetOf } from '../policies/publish-sla-policies/publish-sla-policies.request.dto';
import { asBadRequest } from '../shared/as-bad-request';
import { periodOf } from './compliance-period';
import { complianceRegionsOf } from './compliance-scope';
import { presentGroups, WhatIfResponse } from './compliance.response';
import { SlaWhatIfQuery } from './sla-what-if.query';

/** A query, not a command: it folds recorded facts in memory and appends nothing. */
@QueryHandler(SlaWhatIfQuery)
export class SlaWhatIfHandler implements IQueryHandler<SlaWhatIfQuery> {
  constructor(
    @Inject(READ_MODELS) private readonly readModels: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ viewer, request }: SlaWhatIfQuery): Promise<WhatIfResponse> {
    const { policies, defaultPolicy } = policySetOf(request);
    const draft = asBadRequest(() => validatePolicySet(policies, defaultPolicy));
    const { from, to } = periodOf(request.from, request.to);
    const regionIds = complianceRegionsOf(await resolveScope(viewer, this.readModels));
    const now = this.clock.now();
    const answer = await slaWhatIf(this.readModels, {
      draft,
      from,
      to,
      groupBy: request.groupBy,
      regionIds,
      now,
    });
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      groupBy: request.groupBy,
      asOf: now.toISOString(),
      cases: answer.cases,
      actual: presentGroups(answer.actual),
      draft: presentGroups(answer.draft),
    };
  }
}
