import { ConcurrencyError } from '@heard/event-store';
import { AppendStatus, callAppendFunction } from './append-call';
import { GroupOutcome, GroupWriter } from './group-commit';
import { isTransient } from './postgres-errors';
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
 */
export function postgresGroupWriter(
  db: Queryable,
  schema: string,
  onWritten: () => void,
): GroupWriter<CheckedAppend> {
  async function writeOnce(group: readonly CheckedAppend[]): Promise<GroupOutcome[]> {
    const retried: RetryOutcome[] = group.some((a) => a.checkIds)
      ? await resolveStoredRetries(db, schema, group)
      : group.map(() => null);
    const fresh = group.filter((_, i) => retried[i] === null);
    const statuses = fresh.length > 0 ? await callAppendFunction(db, schema, fresh) : [];
    if (statuses.some((s) => s.kind === 'written')) onWritten();
    let next = 0;
    return group.map((append, i) => {
      const outcome = retried[i];
      return outcome === null ? toOutcome(append, statuses[next++]) : fromRetry(outcome);
    });
  }

  const write = async (group: readonly CheckedAppend[]): Promise<GroupOutcome[]> => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await writeOnce(group);
      } catch (error) {
        if (isTransient(error) && attempt < ATTEMPTS) continue;
        if (group.length === 1) return [{ kind: 'failed', error }];
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
