import { HeardConfig } from '@heard/config';
import { RunnerStatus } from '@heard/projections';
import { MessagePort } from 'node:worker_threads';

/** What the API hands the subscriptions thread: everything it needs is plain, cloneable data. */
export interface SubscriptionsThreadData {
  readonly config: HeardConfig;
  /** How often the thread reports its runners' statuses for /ready. */
  readonly statusEveryMs: number;
  /** SQLite: where the thread sends its appends, to the API thread's writing connection. */
  readonly appends: MessagePort | null;
}

/** Thread → API. */
export type FromSubscriptionsThread =
  | { readonly kind: 'started'; readonly statuses: RunnerStatus[] }
  | { readonly kind: 'status'; readonly statuses: RunnerStatus[] }
  | { readonly kind: 'log'; readonly line: string }
  /** A runner failed; the thread keeps the others' statuses coming until told to stop. */
  | { readonly kind: 'failed'; readonly error: string }
  | { readonly kind: 'start-failed'; readonly error: string }
  | { readonly kind: 'stopped' };

/** API → thread. */
export type ToSubscriptionsThread = { readonly kind: 'stop' };
