import { inTransaction } from '@heard/projections';
import { DataSource, EntityManager, In } from 'typeorm';
import { NoticeDelivery } from '../read-models/notice-delivery.entity';

export interface DueNotice {
  readonly noticeId: string;
  readonly customerId: string | null;
  readonly staffId: string | null;
}

async function dueRows(
  manager: EntityManager,
  now: Date,
  limit: number,
  lock: boolean,
): Promise<DueNotice[]> {
  const at = now.toISOString();
  const query = manager
    .getRepository(NoticeDelivery)
    .createQueryBuilder('n')
    .select(['n.noticeId', 'n.customerId', 'n.staffId'])
    .where('n.dueAt IS NOT NULL')
    .andWhere('n.dueAt <= :at', { at })
    .andWhere('(n.claimedUntil IS NULL OR n.claimedUntil <= :at)', { at })
    .orderBy('n.dueAt', 'ASC')
    .limit(limit);
  if (lock) query.setLock('pessimistic_write').setOnLocked('skip_locked');
  const rows = await query.getMany();
  return rows.map((r) => ({ noticeId: r.noticeId, customerId: r.customerId, staffId: r.staffId }));
}

/**
 * Takes up to `limit` due notices for `leaseMs`: the lease, not a held transaction, keeps other
 * pollers off them while they are sent (a send may take seconds), and lapses if this process
 * dies. On PostgreSQL the rows are picked FOR UPDATE SKIP LOCKED, so pollers never take the same.
 */
export async function claimDueNotices(
  dataSource: DataSource,
  now: Date,
  limit: number,
  leaseMs: number,
): Promise<DueNotice[]> {
  const lock = dataSource.options.type === 'postgres';
  return inTransaction(dataSource, async (manager) => {
    const due = await dueRows(manager, now, limit, lock);
    const until = new Date(now.getTime() + leaseMs);
    for (let i = 0; i < due.length; i += 500) {
      const ids = due.slice(i, i + 500).map((d) => d.noticeId);
      await manager.update(NoticeDelivery, { noticeId: In(ids) }, { claimedUntil: until });
    }
    return due;
  });
}

/** The earliest digest window still open for the customer: a new notice joins its end. */
export async function openDigestWindow(
  dataSource: DataSource,
  customerId: string,
  now: Date,
): Promise<Date | null> {
  const row = await dataSource
    .getRepository(NoticeDelivery)
    .createQueryBuilder('n')
    .select('MIN(n.digestHeldUntil)', 'until')
    .where('n.customerId = :customerId', { customerId })
    .andWhere("n.kind = 'you_changed_this'")
    .andWhere("n.status = 'deferred'")
    .andWhere('n.digestHeldUntil > :at', { at: now.toISOString() })
    .getRawOne<{ until: string | null }>();
  return row?.until ? new Date(row.until) : null;
}
