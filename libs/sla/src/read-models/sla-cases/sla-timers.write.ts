import { EntityManager } from 'typeorm';
import { SlaDeadline } from '../../domain/sla-deadlines';
import { SlaTimer } from './sla-timer.entity';

const keyOf = (t: { kind: string; target: string; cycle: number }) =>
  `${t.kind}:${t.target}:${t.cycle}`;

/**
 * Makes a case's timer rows exactly `owed`: a met or moved target's row goes (a moved one comes
 * back unfired at its new time), an unchanged row keeps what the poller marked on it.
 */
export async function replaceTimers(
  manager: EntityManager,
  caseId: string,
  owed: readonly SlaDeadline[],
): Promise<void> {
  const existing = await manager.findBy(SlaTimer, { caseId });
  const wanted = new Map(owed.map((d) => [keyOf(d), d]));
  const kept = new Set<string>();
  for (const row of existing) {
    const want = wanted.get(keyOf(row));
    if (want !== undefined && Date.parse(want.at) === row.dueAt.getTime()) {
      kept.add(keyOf(row));
      continue;
    }
    const { target, cycle, kind } = row;
    await manager.delete(SlaTimer, { caseId, target, cycle, kind });
  }
  const added = owed
    .filter((d) => !kept.has(keyOf(d)))
    .map((d) => ({
      caseId,
      target: d.target,
      cycle: d.cycle,
      kind: d.kind,
      dueAt: new Date(d.at),
      firedAt: null,
    }));
  if (added.length > 0) await manager.insert(SlaTimer, added);
}
