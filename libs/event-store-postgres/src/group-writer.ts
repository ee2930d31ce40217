import { ConcurrencyError } from '@heard/event-store';
import { AppendStatus, callAppendFunction } from './append-call';
import { GroupOutcome, GroupWriter } from './group-commit';
import { isOutcomeUnknown, isTransient } from './postgres-errors';
import { Queryable } from './queryable';
import { CheckedAppend, resolveStoredRetries, RetryOutcome } from './stored-retries';

const ATTEMPTS = 3;

function toOutcome(append: CheckedAppend, status: AppendStatus): GroupOutcome {
  if (status.kind === 'written') return { kind: 'done', result: status.result };
  const error = new ConcurrencyError(append.streamId, append.expectedVersion, status.actual);
  return status.kind === 'conflict' ? { kind: 'failed', error } : { kind: 'retry', error };
}

const fromRetry = (outcome: Exclude<RetryOutcome, null>): GroupOutcome =>
  outcome instanceof Error ? { kind: 'failed', error: outcome } : { kind: 'done', result: outcome };

/**
 * Writes a group as one autocommitted call of the append function. An error that is not about
 * one append's expected version (a bad value, a lost connection) is retried or isolated by
 * writing the appends one by one, so that it reaches only the caller it belongs to.
 *
 * A call whose answer never came (the connection broke, perhaps after the commit) leaves its
 * appends in doubt: from then on they are looked up by their event ids, generated ones too,
 * before each write and after a refused one, so a commit whose reply was lost is answered with
 * its own result instead of a conflict, a taken id or a second copy.
 */
export function postgresGroupWriter(
  db: Queryable,
  schema: string,
  onWritten: () => void,
): GroupWriter<CheckedAppend> {
  // Kept by identity: an append put back in the queue is the same object when it comes again.
  const inDoubt = new WeakSet<CheckedAppend>();
  const lookUp = (appends: readonly CheckedAppend[]): Promise<RetryOutcome[]> =>
    resolveStoredRetries(
      db,
      schema,
      appends.map((a) => (inDoubt.has(a) ? { ...a, checkIds: true } : a)),
    );

  async function writeOnce(group: readonly CheckedAppend[]): Promise<GroupOutcome[]> {
    const retried: RetryOutcome[] = group.some((a) => a.checkIds || inDoubt.has(a))
      ? await lookUp(group)
      : group.map(() => null);
    const fresh = group.filter((_, i) => retried[i] === null);
    const statuses = fresh.length > 0 ? await callAppendFunction(db, schema, fresh) : [];
    if (statuses.some((s) => s.kind === 'written')) onWritten();
    // The doubtful call may have been still running when it was looked up: it held the stream's
    // lock and committed before this call saw its version.
    const late = fresh.filter((a, i) => inDoubt.has(a) && statuses[i].kind !== 'written');
    const found = late.length > 0 ? await lookUp(late) : [];
    if (found.some((f) => f !== null)) onWritten();
    let next = 0;
    return group.map((append, i) => {
      const outcome = retried[i];
      if (outcome !== null) return fromRetry(outcome);
      const status = statuses[next++];
      const lateOutcome = found[late.indexOf(append)] ?? null;
      return lateOutcome === null ? toOutcome(append, status) : fromRetry(lateOutcome);
    });
  }

  const write = async (group: readonly CheckedAppend[]): Promise<GroupOutcome[]> => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await writeOnce(group);
      } catch (error) {
        const unknown = isOutcomeUnknown(error);
        if (unknown) for (const append of group) inDoubt.add(append);
        if ((unknown || isTransient(error)) && attempt < ATTEMPTS) continue;
        // Writing one by one isolates a bad value, not a server that does not answer.
        if (group.length === 1 || unknown) return group.map(() => ({ kind: 'failed', error }));
        const outcomes: GroupOutcome[] = [];
        const postponed = new Set<string>();
        for (const append of group) {
          // Behind a postponed append to the same stream, the next one waits too.
          const [outcome] = postponed.has(append.streamId)
            ? [{ kind: 'retry', error } as const]
            : await write([append]);
          if (outcome.kind === 'retry') postponed.add(append.streamId);
          outcomes.push(outcome);
        }
        return outcomes;
      }
    }
  };
  return write;
}
