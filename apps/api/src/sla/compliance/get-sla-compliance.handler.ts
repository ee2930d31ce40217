import { resolveScope } from '@heard/directory/read-models';
import { Clock } from '@heard/event-store';
import { slaCompliance } from '@heard/sla/subscriptions';
import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { CLOCK, READ_MODELS } from '../../platform/tokens';
import { periodOf } from './compliance-period';
import { complianceRegionsOf } from './compliance-scope';
import { presentGroups, SlaComplianceResponse } from './compliance.response';
import { GetSlaComplianceQuery } from './get-sla-compliance.query';

@QueryHandler(GetSlaComplianceQuery)
export class GetSlaComplianceHandler implements IQueryHandler<GetSlaComplianceQuery> {
  constructor(
    @Inject(READ_MODELS) private readonly readModels: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ viewer, request }: GetSlaComplianceQuery): Promise<SlaComplianceResponse> {
    const { from, to } = periodOf(request.from, request.to);
    const regionIds = complianceRegionsOf(await resolveScope(viewer, this.readModels));
    const now = this.clock.now();
    const groups = await slaCompliance(this.readModels, {
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
      groups: presentGroups(groups),
    };
  }
}
