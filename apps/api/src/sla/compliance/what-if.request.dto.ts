import { IntersectionType, PickType } from '@nestjs/swagger';
import { PublishSlaPoliciesRequest } from '../policies/publish-sla-policies/publish-sla-policies.request.dto';
import { CompliancePeriodRequest } from './compliance-period.request.dto';

/**
 * A draft policy list, as `PUT /v1/sla-policies` takes it (policies and defaultPolicy, checked by
 * the same rules), and the past period and grouping to replay it over.
 */
export class WhatIfRequest extends IntersectionType(
  PickType(PublishSlaPoliciesRequest, ['policies', 'defaultPolicy'] as const),
  CompliancePeriodRequest,
) {}
