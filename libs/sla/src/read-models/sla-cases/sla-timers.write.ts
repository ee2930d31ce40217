import { EntityManager } from 'typeorm';
import { SlaDeadline } from '../../domain/sla-deadlines';
import { SlaTimer } from './sla-timer.entity';

const keyOf = (t: { kind: string; target: string; cycle: number }) =>
  `${t.kind}:${t.target}:${t.cycle}`;

/**
 * A case's timer rows once they are exactly `owed`: a met or moved target's row goes (a moved one
 * comes back unfired at its new time), an unchanged row keeps what the poller marked on it.
 */
export function timersOwed(
  caseId: string,
  rows: readonly SlaTimer[],
  owed: readonly SlaDeadline[],
): SlaTimer[] {
  const kept = new Map(rows.map((row) => [keyOf(row), row]));
  return owed.map((d) => {
    const row = kept.get(keyOf(d));
    if (row !== undefined && row.dueAt.getTime() === Date.parse(d.at)) return row;
    const { target, cycle, kind } = d;
    return { caseId, target, cycle, kind, dueAt: new Date(d.at), firedAt: null };
  });
}

/** Bounded so that one statement stays within every driver's parameter limit. */
const CHUNK = 200;

/**
 * Writes what changed between the rows as read and as they now should be (both per case): rows
 * kept as they were are not touched, so the poller's marks on them stay.
 */
export async function writeTimerChanges(
  manager: EntityManager,
  changes: readonly { readonly before: readonly SlaTimer[]; readonly after: readonly SlaTimer[] }[],
): Promise<void> {
  const removed: Pick<SlaTimer, 'caseId' | 'target' | 'cycle' | 'kind'>[] = [];
  const added: SlaTimer[] = [];
  for (const { before, after } of changes) {
    const unchanged = new Set(after);
    for (const { caseId, target, cycle, kind } of before.filter((row) => !unchanged.has(row))) {
      removed.push({ caseId, target, cycle, kind });
    }
    const existing = new Set(before);
    added.push(...after.filter((row) => !existing.has(row)));
  }
  for (let i = 0; i < removed.length; i += CHUNK) {
    // One statement, its rows OR-ed by primary key.
    await manager
      .createQueryBuilder()
      .delete()
      .from(SlaTimer)
      .where(removed.slice(i, i + CHUNK))
      .execute();
  }
  for (let i = 0; i < added.length; i += CHUNK) {
    await manager.insert(SlaTimer, added.slice(i, i + CHUNK));
  }
}
