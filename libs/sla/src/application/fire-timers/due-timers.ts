import { EntityManager } from 'typeorm';
import { SlaTimer } from '../../read-models/sla-cases/sla-timer.entity';
import { DueTimer } from './fire-timer';

/**
 * Timers due by `now` and not fired, soonest first. `lock`: rows stay locked until the caller's
 * transaction ends, and rows another poller holds are skipped rather than waited for (PostgreSQL).
 */
export async function dueTimers(
  manager: EntityManager,
  now: Date,
  limit: number,
  lock: boolean,
): Promise<DueTimer[]> {
  const query = manager
    .getRepository(SlaTimer)
    .createQueryBuilder('t')
    .where('t.firedAt IS NULL')
    .andWhere('t.dueAt <= :now', { now: now.toISOString() })
    .orderBy('t.dueAt', 'ASC')
    .limit(limit);
  if (lock) query.setLock('pessimistic_write').setOnLocked('skip_locked');
  const rows = await query.getMany();
  return rows.map((r) => ({
    caseId: r.caseId,
    target: r.target as DueTimer['target'],
    cycle: r.cycle,
    kind: r.kind as DueTimer['kind'],
    dueAt: r.dueAt,
  }));
}

/** Marks fired only the row as it was read: one the projection moved meanwhile stays due. */
export async function markFired(
  manager: EntityManager,
  timers: readonly DueTimer[],
  at: Date,
): Promise<void> {
  for (const t of timers) {
    await manager.update(
      SlaTimer,
      { caseId: t.caseId, target: t.target, cycle: t.cycle, kind: t.kind, dueAt: t.dueAt },
      { firedAt: at },
    );
  }
}
