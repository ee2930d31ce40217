import { yieldToEventLoop } from './yield-to-event-loop';

/**
 * After a batch: a live runner waits `liveWindowMs` before reading again, so that appends arriving
 * in a burst are applied in one transaction rather than one each; catching up only yields.
 */
export function pauseBetweenBatches(
  live: boolean,
  liveWindowMs: number | undefined,
): Promise<void> {
  if (!live || !liveWindowMs) return yieldToEventLoop();
  return new Promise((resolve) => setTimeout(resolve, liveWindowMs));
}
