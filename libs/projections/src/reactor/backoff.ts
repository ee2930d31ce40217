export interface Backoff {
  readonly initialMs: number;
  readonly maxMs: number;
  readonly factor: number;
  /**
   * Up to this fraction (0 to 1) of each delay is taken off at random, so that runners failing
   * on the same outage do not all come back at the same instant.
   */
  readonly jitter: number;
}

export const defaultBackoff: Backoff = { initialMs: 100, maxMs: 30_000, factor: 2, jitter: 0.2 };

/** A number in [0, 1); Math.random unless a test fixes it. */
export type Random = () => number;

/** Delay before retry number `attempt` (1 for the first retry): exponential, capped, jittered. */
export function backoffDelay(
  backoff: Backoff,
  attempt: number,
  random: Random = Math.random,
): number {
  const capped = Math.min(backoff.maxMs, backoff.initialMs * backoff.factor ** (attempt - 1));
  return Math.round(capped * (1 - backoff.jitter * random()));
}
