/**
 * Reads one step made for a later step to use once: the case opener's `partitionOf` reads the
 * feedback stream, and its `handle` takes that read instead of asking the store again. Taking
 * removes the read, so a retried `handle` reads afresh. At most `capacity` reads wait, the oldest
 * dropped first; a `handle` whose read was dropped reads for itself.
 */
export class ReadAhead<Value> {
  private readonly waiting = new Map<string, Value>();

  constructor(readonly capacity: number) {
    if (!Number.isSafeInteger(capacity) || capacity < 1) {
      throw new RangeError(`capacity must be a positive integer, not ${capacity}`);
    }
  }

  get size(): number {
    return this.waiting.size;
  }

  put(key: string, value: Value): void {
    this.waiting.delete(key);
    this.waiting.set(key, value);
    if (this.waiting.size > this.capacity) {
      this.waiting.delete(this.waiting.keys().next().value as string);
    }
  }

  take(key: string): Value | undefined {
    const value = this.waiting.get(key);
    this.waiting.delete(key);
    return value;
  }
}
