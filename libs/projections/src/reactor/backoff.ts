export interface Backoff {
  readonly initialMs: number;
  readonly maxMs: number;
  readonly factor: number;
}

export const defaultBackoff: Backoff = { initialMs: 100, maxMs: 30_000, factor: 2 };

/** Delay before retry number `attempt` (1 for the first retry): exponential, capped. */
export function backoffDelay(backoff: Backoff, attempt: number): number {
  return Math.min(backoff.maxMs, backoff.initialMs * backoff.factor ** (attempt - 1));
}
