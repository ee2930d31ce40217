import { RecordedEvent } from '@heard/event-store';
import { RunnerStatus } from '@heard/projections';

export interface SubscriptionLag {
  readonly status: RunnerStatus;
  /** Events in the log after its checkpoint; at most the events read, so a lower bound there. */
  readonly eventsBehind: number;
  /** Age of the oldest event it has not applied yet; 0 when it has applied everything. */
  readonly secondsBehind: number;
}

/**
 * How far each subscription trails the log, from the events after the oldest checkpoint
 * (ascending by position, as readAll returns them).
 */
export function subscriptionLag(
  statuses: readonly RunnerStatus[],
  ahead: readonly RecordedEvent[],
  now: Date,
): SubscriptionLag[] {
  return statuses.map((status) => {
    const first = ahead.findIndex((e) => e.globalPosition > status.checkpoint);
    if (first === -1) return { status, eventsBehind: 0, secondsBehind: 0 };
    const age = (now.getTime() - ahead[first].recordedAt.getTime()) / 1000;
    return { status, eventsBehind: ahead.length - first, secondsBehind: Math.max(0, age) };
  });
}

/** The position every subscription has passed; where reading what they lack starts. */
export const oldestCheckpoint = (statuses: readonly RunnerStatus[]): bigint =>
  statuses.reduce<bigint | null>(
    (min, s) => (min === null || s.checkpoint < min ? s.checkpoint : min),
    null,
  ) ?? 0n;
