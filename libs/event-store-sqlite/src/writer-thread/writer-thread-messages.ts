import { CommittedGroup } from '@heard/event-store';
import { MessagePort } from 'node:worker_threads';

export interface WriterThreadData {
  readonly filename: string;
  readonly busyTimeoutMs?: number;
  readonly maxGroupEvents?: number;
  /** Send the parent what each group commit wrote (SqliteEventStoreOptions.onGroupCommit). */
  readonly reportGroupCommits?: boolean;
}

/** Writer → parent: the groups committed since the last message. */
export type FromWriterThread = { readonly kind: 'committed'; readonly groups: CommittedGroup[] };

/** A new client's port, or the request to write what is queued and stop. */
export type ToWriterThread =
  { readonly kind: 'connect'; readonly port: MessagePort } | { readonly kind: 'close' };
