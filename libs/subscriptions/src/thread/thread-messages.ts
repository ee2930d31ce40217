import { HeardConfig } from '@heard/config';
import { RunnerStatus } from '@heard/projections';
import type { NoticeDeliveryTick } from '@heard/loop/subscriptions';
import type { SlaTimerTick } from '@heard/sla/subscriptions';
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
  /** A failing runner reports itself here; the others' statuses keep coming. */
  | { readonly kind: 'status'; readonly statuses: RunnerStatus[] }
  | { readonly kind: 'log'; readonly line: string }
  /** For the API thread's metrics registry, which /metrics serves. */
  | { readonly kind: 'sla-timer-tick'; readonly tick: SlaTimerTick }
  | { readonly kind: 'notice-delivery-tick'; readonly tick: NoticeDeliveryTick }
  | { readonly kind: 'start-failed'; readonly error: string }
  | { readonly kind: 'stopped' };

/** API → thread. */
export type ToSubscriptionsThread = { readonly kind: 'stop' };
