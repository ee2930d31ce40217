import { SlaCaseListItem } from '@heard/sla/subscriptions';
import { caseSummaryOfRow, CaseSummaryResponse } from './case-summary.response';

/** A listed case with its SLA state and nearest due time (staff; customers' answers omit them). */
export const slaSummaryOfRow = (row: SlaCaseListItem): CaseSummaryResponse => ({
  ...caseSummaryOfRow(row),
  slaState: row.slaState,
  nearestDueAt: row.nearestDueAt,
});
