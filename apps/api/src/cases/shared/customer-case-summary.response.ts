import { Actor } from '@heard/kernel';
import { PickType } from '@nestjs/swagger';
import { CaseSummaryResponse } from './case-summary.response';

/**
 * What a customer may read of their case. Owner, team, region, priority and escalations are
 * internal; their own customer id tells them nothing and is left out too.
 */
export const CUSTOMER_CASE_FIELDS = [
  'caseId',
  'status',
  'storeId',
  'category',
  'feedbackIds',
  'openedAt',
  'dueAt',
  'acknowledgedAt',
  'resolvedAt',
  'version',
  'updatedAt',
] as const;

export class CustomerCaseSummaryResponse extends PickType(
  CaseSummaryResponse,
  CUSTOMER_CASE_FIELDS,
) {}

export function customerCaseSummary(summary: CaseSummaryResponse): CustomerCaseSummaryResponse {
  const picked: Partial<CustomerCaseSummaryResponse> = {};
  for (const field of CUSTOMER_CASE_FIELDS) Object.assign(picked, { [field]: summary[field] });
  return picked as CustomerCaseSummaryResponse;
}

/** How a case is answered: in full to staff, in part to its customer. */
export type CaseAnswer = CaseSummaryResponse | CustomerCaseSummaryResponse;

/** A case as `viewer` may read it: staff in full, a customer only what was meant for them. */
export const caseSummaryFor = (
  viewer: Pick<Actor, 'role'>,
  summary: CaseSummaryResponse,
): CaseAnswer => (viewer.role === 'customer' ? customerCaseSummary(summary) : summary);
