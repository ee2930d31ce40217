import { RecordedEvent } from '@heard/event-store';
import { RunnerStatus } from '@heard/projections';

export interface SubscriptionReadiness {
  readonly name: string;
  readonly kind: RunnerStatus['kind'];
  readonly state: RunnerStatus['state'];
  readonly checkpoint: string;
  readonly live: boolean;
  /** Null when the event store did not answer. */
  readonly eventsBehind: number | `more than ${number}` | null;
  readonly error: string | null;
  readonly failures: number;
  readonly lastError: string | null;
  readonly lastErrorAt: string | null;
  readonly nextRetryAt: string | null;
}

/**
 * `failing`: the event store does not answer, or a subscription is retrying or stopped for good; `lagging`: one is more than the
 * allowed number of events behind. Both answer 503, so that a load balancer stops routing here.
 */
export interface Readiness {
  readonly status: 'ready' | 'catching_up' | 'lagging' | 'failing';
  readonly subscriptions: readonly SubscriptionReadiness[];
  /** Why the event store could not be read, when it could not. */
  readonly eventStoreError?: string;
}

/**
 * Where each runner stands against `ahead`, the log after the oldest checkpoint read up to
 * `countLimit + 1` events (more than that is only said to be more), or the error reading it.
 */
export function readiness(
  statuses: readonly RunnerStatus[],
  ahead: readonly Pick<RecordedEvent, 'globalPosition'>[] | { readonly error: string },
  countLimit: number,
  maxLagEvents: number,
): Readiness {
  const behind = (checkpoint: bigint): SubscriptionReadiness['eventsBehind'] => {
    if ('error' in ahead) return null;
    const count = ahead.filter((e) => e.globalPosition > checkpoint).length;
    return count > countLimit ? `more than ${countLimit}` : count;
  };
  const subscriptions = statuses.map((s): SubscriptionReadiness => ({
    ...s,
    checkpoint: s.checkpoint.toString(),
    eventsBehind: behind(s.checkpoint),
    lastErrorAt: s.lastErrorAt?.toISOString() ?? null,
    nextRetryAt: s.nextRetryAt?.toISOString() ?? null,
  }));
  if ('error' in ahead) return { status: 'failing', subscriptions, eventStoreError: ahead.error };
  const status: Readiness['status'] = subscriptions.some(
    (s) => s.state === 'retrying' || s.state === 'failed',
  )
    ? 'failing'
    : subscriptions.some(
          (s) => typeof s.eventsBehind === 'string' || (s.eventsBehind ?? 0) > maxLagEvents,
        )
      ? 'lagging'
      : subscriptions.every((s) => s.eventsBehind === 0)
        ? 'ready'
        : 'catching_up';
  return { status, subscriptions };
}

export const isReady = (r: Readiness): boolean =>
  r.status === 'ready' || r.status === 'catching_up';
