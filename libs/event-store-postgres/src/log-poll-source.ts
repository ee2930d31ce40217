import { PollSource } from '@heard/event-store';
import { LogPage, readLogPage } from './global-horizon';
import { prefetching } from './page-prefetch';
import { LogPageRead } from './postgres-event-store.options';
import { Queryable } from './queryable';

export interface LogPollOptions {
  readonly db: Queryable;
  readonly schema: string;
  readonly heldBackPollMs: number;
  /** Waits for a notified append, or `pollMs` (null: the idle poll interval). */
  wait(signal: AbortSignal, pollMs: number | null): Promise<void>;
  readonly onLogPageRead?: (read: LogPageRead) => void;
  /** Where pages come from; by default straight from the database. */
  readonly readPage?: (after: bigint, limit: number) => Promise<LogPage>;
}

/** The global log as a subscription reads it: prefetched pages below the horizon. */
export function logPollSource(options: LogPollOptions): PollSource {
  const { db, schema } = options;
  const readPage = prefetching(
    options.readPage ?? ((after, limit) => readLogPage(db, schema, after, limit)),
  );
  let heldBack = false;
  return {
    read: async (after, limit) => {
      const page = await readPage(after, limit);
      heldBack = page.heldBack !== null;
      options.onLogPageRead?.({ after, events: page.events.length, heldBack });
      return page.events;
    },
    // Held-back events appear when an old transaction ends, and nothing notifies that.
    waitForMore: (signal) => options.wait(signal, heldBack ? options.heldBackPollMs : null),
    positionOf: (e) => e.globalPosition,
  };
}
