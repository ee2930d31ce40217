import { AppendSignal, RecordedEvent } from '@heard/event-store';
import { readLogPage } from './global-horizon';
import { Queryable } from './queryable';

export interface ReadAllWait {
  readonly waitMs: number;
  readonly pollMs: number;
  readonly signal: AppendSignal;
}

const never = new AbortController().signal;

/**
 * A page of the log below the horizon. So that a caller reads its own writes, a short page waits
 * up to `waitMs` for events that were committed before the call but are held back behind an
 * older open transaction; after that it returns what is safe to return.
 */
export async function readAllOwnWrites(
  db: Queryable,
  schema: string,
  after: bigint,
  limit: number,
  wait: ReadAllWait,
): Promise<RecordedEvent[]> {
  const deadline = Date.now() + wait.waitMs;
  let target: bigint | null = null;
  for (;;) {
    const page = await readLogPage(db, schema, after, limit);
    if (page.events.length >= limit) return page.events;
    target ??= page.heldBack;
    if (target === null || page.horizon > target || Date.now() >= deadline) return page.events;
    await wait.signal.wait(wait.pollMs, never);
  }
}
