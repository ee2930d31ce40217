import { Actor } from '@heard/kernel';
import { Query } from '@nestjs/cqrs';
import { CompliancePeriodRequest } from './compliance-period.request.dto';
import { SlaComplianceResponse } from './compliance.response';

export class GetSlaComplianceQuery extends Query<SlaComplianceResponse> {
  constructor(
    readonly viewer: Actor,
    readonly request: CompliancePeriodRequest,
  ) {
    super();
  }
}
