import { describeError } from '../runner/runner-failure';
import { Scheduler, timerScheduler } from './scheduler';

export interface PollLoop {
  /** Names the poller in its log lines. */
  readonly name: string;
  /** One pass over what is due; answers how many rows it took. */
  readonly tick: () => Promise<number>;
  readonly signal: AbortSignal;
  /** A tick that took this many rows goes again at once: more are likely due. */
  readonly batchSize: number;
  readonly idleMs: number;
  readonly errorBackoffMs: number;
  readonly scheduler?: Scheduler;
  readonly log?: (line: string) => void;
}

/**
 * The loop of every due-row poller (SLA timers, notice delivery): straight on while ticks come
 * back full, idle otherwise, and after a failed tick a pause before the next, until aborted.
 */
export async function pollUntilAborted(loop: PollLoop): Promise<void> {
  const scheduler = loop.scheduler ?? timerScheduler;
  while (!loop.signal.aborted) {
    let taken: number;
    try {
      taken = await loop.tick();
    } catch (error) {
      loop.log?.(
        `${loop.name}: a tick failed, next in ${loop.errorBackoffMs} ms: ${describeError(error)}`,
      );
      await scheduler.sleep(loop.errorBackoffMs, loop.signal);
      continue;
    }
    if (taken < loop.batchSize) await scheduler.sleep(loop.idleMs, loop.signal);
  }
}
