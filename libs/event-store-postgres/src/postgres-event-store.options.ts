import { Clock, GroupCommitObserver } from '@heard/event-store';
import { Pool } from 'pg';
import { GroupCommitLimits } from './group-commit';

/** What a subscription read saw; for metrics, and for tests that must know a read happened. */
export interface LogPageRead {
  readonly after: bigint;
  readonly events: number;
  /** Committed events were held back behind a transaction still open below them. */
  readonly heldBack: boolean;
}

export interface PostgresEventStoreOptions {
  /** The schema holding the store's tables; created when missing. */
  readonly schema: string;
  /** A pool the caller owns (and ends after `close`)… */
  readonly pool?: Pool;
  /** …or a connection string for a pool the store owns. */
  readonly connectionString?: string;
  /** Size of the pool made from `connectionString`; 10 unless set. */
  readonly poolSize?: number;
  readonly clock?: Clock;
  /** Longest wait of a live subscription between reads when nothing notifies; 250 ms. */
  readonly pollIntervalMs?: number;
  /** Wait between reads while committed events are held back by an open transaction; 20 ms. */
  readonly heldBackPollMs?: number;
  /** How long `readAll` waits for events committed before the call but held back; 5 s. */
  readonly readAllWaitMs?: number;
  readonly groupCommit?: Partial<GroupCommitLimits>;
  readonly onLogPageRead?: (read: LogPageRead) => void;
  /** Told of every group this store commits (one transaction each). */
  readonly onGroupCommit?: GroupCommitObserver;
}

export const DEFAULT_GROUP_COMMIT: GroupCommitLimits = {
  maxConcurrentGroups: 2,
  maxGroupEvents: 5000,
  minSplitEvents: 200,
  maxRetries: 10,
};
