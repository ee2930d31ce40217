import { Clock } from '@heard/event-store';

/** Passes a call through at most once per `everyMs` of the clock; the first always passes. */
export function atMostEvery<T>(
  everyMs: number,
  clock: Clock,
  fn: (value: T) => void,
): (value: T) => void {
  let last: number | null = null;
  return (value) => {
    const now = clock.now().getTime();
    if (last !== null && now - last < everyMs) return;
    last = now;
    fn(value);
  };
}
