/** One progress report of a rebuild. */
export interface RebuildProgress {
  readonly name: string;
  /** Events read so far, handled or not. */
  readonly done: number;
  /** Events in the log when the rebuild started; later appends are replayed too. */
  readonly total: number;
  readonly position: bigint;
  readonly elapsedMs: number;
  readonly eventsPerSecond: number;
  /** Null until there is a rate to extrapolate from. */
  readonly etaMs: number | null;
}

/** Turns counts and times into rates and an ETA; the clock is the caller's. */
export function measureProgress(
  name: string,
  done: number,
  total: number,
  position: bigint,
  elapsedMs: number,
): RebuildProgress {
  const eventsPerSecond = elapsedMs > 0 ? (done * 1000) / elapsedMs : 0;
  const remaining = Math.max(total - done, 0);
  const etaMs =
    remaining === 0 ? 0 : eventsPerSecond > 0 ? (remaining * 1000) / eventsPerSecond : null;
  return { name, done, total, position, elapsedMs, eventsPerSecond, etaMs };
}
