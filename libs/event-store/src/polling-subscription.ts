import { BatchHandler, Subscription } from './event-store.port';
import { RecordedEvent } from './recorded-event';

export interface PollSource {
  /** Events strictly after `after`, in order, at most `limit`. */
  read(after: bigint, limit: number): Promise<RecordedEvent[]>;
  /** Resolves when new events may be there (or after a poll interval), or when `signal` aborts. */
  waitForMore(signal: AbortSignal): Promise<void>;
  /** The position of an event in this source's order (global position or stream version). */
  positionOf(event: RecordedEvent): bigint;
}

/**
 * Catch-up then live subscription over any readable log. The next batch is read only after the
 * handler finished the previous one, so a slow handler slows reading instead of filling memory.
 */
export function pollingSubscription(
  source: PollSource,
  after: bigint,
  batchSize: number,
  handler: BatchHandler,
): Subscription {
  let checkpoint = after;
  let live = false;
  const stopping = new AbortController();

  const loop = async (): Promise<void> => {
    while (!stopping.signal.aborted) {
      const batch = await source.read(checkpoint, batchSize);
      if (stopping.signal.aborted) return;
      if (batch.length === 0) {
        live = true;
        await source.waitForMore(stopping.signal);
        continue;
      }
      live = batch.length < batchSize;
      await handler(batch);
      checkpoint = source.positionOf(batch[batch.length - 1]);
    }
  };

  const done = loop();
  // Keep an unobserved failure from crashing the process; callers read it from `done`.
  done.catch(() => undefined);
  return {
    done,
    checkpoint: () => checkpoint,
    isLive: () => live,
    stop: async () => {
      stopping.abort();
      await done.catch(() => undefined);
    },
  };
}
