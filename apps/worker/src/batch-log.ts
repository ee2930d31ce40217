import { Clock } from '@heard/event-store';
import { atMostEvery, BatchApplied } from '@heard/projections';

/**
 * Turns a runner's batches into a few log lines: when it goes live, and at most every
 * `everyMs` while it catches up. Live runners stay quiet: a line per event would drown the log.
 */
export function batchLog(
  clock: Clock,
  log: (line: string) => void,
  everyMs = 5000,
): (batch: BatchApplied) => void {
  let live = false;
  const catchingUp = atMostEvery(everyMs, clock, (batch: BatchApplied) =>
    log(`${batch.name}: catching up, at position ${batch.checkpoint}`),
  );
  return (batch) => {
    if (batch.live && !live) log(`${batch.name}: live at position ${batch.checkpoint}`);
    else if (!batch.live) catchingUp(batch);
    live = batch.live;
  };
}
