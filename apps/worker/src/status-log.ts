import { Clock } from '@heard/event-store';
import { RunnerStatus } from '@heard/projections';

/**
 * Turns runner statuses, sampled on a timer, into a few log lines: when a runner goes live or
 * falls behind, at most every `everyMs` while it catches up, and when it got past a failure (each
 * failure is logged as it happens). A live runner stays quiet.
 */
export function statusLog(
  clock: Clock,
  log: (line: string) => void,
  everyMs = 5000,
): (statuses: readonly RunnerStatus[]) => void {
  const seen = new Map<string, { live: boolean; loggedAt: number }>();
  const failing = new Set<string>();
  return (statuses) => {
    const now = clock.now().getTime();
    for (const status of statuses) {
      if (status.state === 'retrying' || status.state === 'failed') failing.add(status.name);
      if (status.state !== 'running') continue;
      if (failing.delete(status.name))
        log(`${status.name}: running again after ${status.failures} failure(s) in all`);
      const before = seen.get(status.name);
      if (status.live && !before?.live) {
        log(`${status.name}: live at position ${status.checkpoint}`);
      } else if (!status.live && (before?.live !== false || now - before.loggedAt >= everyMs)) {
        log(`${status.name}: catching up, at position ${status.checkpoint}`);
      } else {
        continue;
      }
      seen.set(status.name, { live: status.live, loggedAt: now });
    }
  };
}
