import { DueTimer } from './fire-timer';

/** A warning or breach one tick appended, and how late after its due time (clock time). */
export interface FiredTimer {
  readonly kind: DueTimer['kind'];
  readonly lateSeconds: number;
}

/**
 * What one tick of the SLA timer poller did, in counts and times: for metrics and the log, so it
 * names no case. Plain data, so the embedded subscriptions thread can post it to the API's thread.
 */
export interface SlaTimerTick {
  /** From reading the due timers to marking the fired ones (wall time spent, not clock time). */
  readonly seconds: number;
  /** Due timers the tick took. */
  readonly due: number;
  readonly fired: readonly FiredTimer[];
  /** Already recorded, by this poller before a restart or by another. */
  readonly settled: number;
  /** No longer owed as the timer row says: met, paused or moved since. */
  readonly stale: number;
  /** Could not be fired; they stay due for the next tick. */
  readonly failed: number;
}

/** One log line for a tick that took timers; counts only. */
export function tickLine(name: string, tick: SlaTimerTick): string {
  const warnings = tick.fired.filter((f) => f.kind === 'warn').length;
  const breaches = tick.fired.length - warnings;
  return (
    `${name}: ${tick.due} due timer(s) in ${Math.round(tick.seconds * 1000)} ms: ` +
    `${warnings} warning(s) and ${breaches} breach(es) fired, ${tick.settled} already recorded, ` +
    `${tick.stale} no longer owed, ${tick.failed} failed`
  );
}
