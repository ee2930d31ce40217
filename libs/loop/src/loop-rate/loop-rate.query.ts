import { StoreView } from '@heard/directory/read-models';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import { LoopRateFeedback } from './loop-rate-feedback.entity';
import { LoopRateImprovement } from './loop-rate-improvement.entity';
import { LoopRateLink } from './loop-rate-link.entity';
import { LoopRateNotice } from './loop-rate-notice.entity';
import { GroupFigures, LoopRow, loopRateFigures } from './loop-rate-figures';

export const LOOP_RATE_GROUPS = ['store', 'region', 'channel'] as const;
export type LoopRateGroupBy = (typeof LOOP_RATE_GROUPS)[number];

export interface LoopRateQuery {
  /** Feedback received in [from, to). */
  readonly from: Date;
  readonly to: Date;
  readonly groupBy: LoopRateGroupBy;
  /** The stores the caller may see, or all of them. */
  readonly stores: 'all' | readonly string[];
}

export interface LoopRate {
  readonly groups: GroupFigures[];
  readonly overall: Omit<GroupFigures, 'group'>;
}

interface RawRow {
  readonly grp: string | null;
  readonly received_at: string;
  readonly told_at: string | null;
}

/** The region is the store's now, as case scope follows the store. */
function grouped<T extends object>(query: SelectQueryBuilder<T>, groupBy: LoopRateGroupBy) {
  if (groupBy === 'region')
    return query.leftJoin(StoreView, 's', 's.storeId = f.storeId').select('s.regionId', 'grp');
  return query.select(groupBy === 'store' ? 'f.storeId' : 'f.channel', 'grp');
}

function within<T extends object>(query: SelectQueryBuilder<T>, q: LoopRateQuery) {
  query
    .andWhere('f.receivedAt >= :from', { from: q.from.toISOString() })
    .andWhere('f.receivedAt < :to', { to: q.to.toISOString() });
  return q.stores === 'all'
    ? query
    : query.andWhere('f.storeId IN (:...stores)', { stores: [...q.stores] });
}

const rowsOf = (raw: readonly RawRow[]): LoopRow[] =>
  raw.map((r) => ({ group: r.grp, receivedAt: r.received_at, toldAt: r.told_at }));

/** Negative feedback, and the first resolution notice of its case sent after it came. */
async function resolutionRows(dataSource: DataSource, q: LoopRateQuery): Promise<LoopRow[]> {
  const query = grouped(dataSource.createQueryBuilder().from(LoopRateFeedback, 'f'), q.groupBy)
    .addSelect('f.receivedAt', 'received_at')
    .addSelect(
      (sub) =>
        sub
          .select('MIN(n.sentAt)')
          .from(LoopRateNotice, 'n')
          .where("n.kind = 'case_resolved'")
          .andWhere('n.caseId = f.caseId')
          .andWhere('n.sentAt >= f.receivedAt'),
      'told_at',
    )
    .where('f.negative = 1');
  return rowsOf(await within(query, q).getRawMany<RawRow>());
}

/** Feedback linked to a shipped improvement, and the "you changed this" its author was sent. */
async function improvementRows(dataSource: DataSource, q: LoopRateQuery): Promise<LoopRow[]> {
  const query = grouped(
    dataSource
      .createQueryBuilder()
      .from(LoopRateLink, 'l')
      .innerJoin(LoopRateImprovement, 'i', 'i.improvementId = l.improvementId')
      .innerJoin(LoopRateFeedback, 'f', 'f.feedbackId = l.feedbackId')
      .leftJoin(
        LoopRateNotice,
        'n',
        "n.kind = 'you_changed_this' AND n.customerId = f.customerId AND n.improvementId = l.improvementId",
      ),
    q.groupBy,
  )
    .addSelect('f.receivedAt', 'received_at')
    .addSelect('n.sentAt', 'told_at');
  return rowsOf(await within(query, q).getRawMany<RawRow>());
}

/** The loop rate per group: how often, and how fast, customers heard back. */
export async function loopRate(dataSource: DataSource, q: LoopRateQuery): Promise<LoopRate> {
  if (q.stores !== 'all' && q.stores.length === 0) return loopRateFigures([], []);
  const [resolution, improvement] = await Promise.all([
    resolutionRows(dataSource, q),
    improvementRows(dataSource, q),
  ]);
  return loopRateFigures(resolution, improvement);
}
