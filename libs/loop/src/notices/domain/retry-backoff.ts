/** The first retry waits about this long; each next one twice as long. */
export const RETRY_BASE_MS = 30_000;
/** No wait grows beyond six hours: a gateway down overnight is tried again in the morning. */
export const RETRY_CAP_MS = 6 * 3_600_000;

/**
 * Exponential backoff with "equal jitter": half the doubled wait is fixed, the other half drawn,
 * so that notices failing together (a gateway outage) do not all come back in the same second.
 */
export function retryDelayMs(attempt: number, jitter: number): number {
  const doubled = Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** Math.max(0, attempt - 1));
  const unit = Math.min(1, Math.max(0, jitter));
  return Math.round(doubled / 2 + (doubled / 2) * unit);
}
