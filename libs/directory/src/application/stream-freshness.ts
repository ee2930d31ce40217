/**
 * Which streams a cache holds that nothing was appended to since it read them. It knows only when
 * watched: the owner promises to call `changed` for every event appended from then on, before it
 * relies on the event having been seen (a reactor's `observe` sees each batch before handling it).
 * A cache may then answer a current stream from memory, with no read.
 */
export class StreamFreshness {
  private readonly current = new Set<string>();
  private readonly loading = new Map<string, number>();
  private readonly changedWhileLoading = new Set<string>();
  private watched = false;

  watch(): void {
    this.watched = true;
  }

  isCurrent(streamId: string): boolean {
    return this.current.has(streamId);
  }

  /**
   * Runs a read of `streamId` and counts the stream current afterwards, unless an append was seen
   * while the read was out: it may have come after the read, so the next load reads again.
   */
  async reading<T>(streamId: string, read: () => Promise<T>): Promise<T> {
    this.loading.set(streamId, (this.loading.get(streamId) ?? 0) + 1);
    try {
      const result = await read();
      if (this.watched && !this.changedWhileLoading.has(streamId)) this.current.add(streamId);
      return result;
    } finally {
      const left = (this.loading.get(streamId) ?? 1) - 1;
      if (left > 0) this.loading.set(streamId, left);
      else {
        this.loading.delete(streamId);
        this.changedWhileLoading.delete(streamId);
      }
    }
  }

  /** Something was appended to `streamId`: its next load reads what is new. */
  changed(streamId: string): void {
    this.current.delete(streamId);
    if (this.loading.has(streamId)) this.changedWhileLoading.add(streamId);
  }

  /** The cache let the stream go. */
  forget(streamId: string): void {
    this.current.delete(streamId);
  }
}
