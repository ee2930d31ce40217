/** Answers a whole batch of calls at once: one answer per input, in the inputs' order. */
export type BatchRunner<I, O> = (inputs: readonly I[]) => Promise<readonly O[]>;

export interface BatchLimits {
  /** Batches running at the same time; calls made meanwhile wait and go together in the next. */
  readonly maxConcurrent: number;
  /** Inputs in one batch at most. */
  readonly maxInputs: number;
}

interface Pending<I, O> {
  readonly input: I;
  resolve(output: O): void;
  reject(error: unknown): void;
}

/**
 * Turns many small calls into few large ones, as group commit does for appends: calls made in
 * one tick share a batch, and calls made while batches are running wait for the next one. Under
 * load a reader that asks for one row per event then pays one round trip per batch instead of
 * one per event; when idle a call goes out after a microtask. A failed batch fails each of its
 * calls, which their callers retry as they would a failed single call.
 */
export class BatchedCalls<I, O> {
  private queue: Pending<I, O>[] = [];
  private running = 0;
  private scheduled = false;

  constructor(
    private readonly run: BatchRunner<I, O>,
    private readonly limits: BatchLimits = { maxConcurrent: 2, maxInputs: 500 },
  ) {}

  call(input: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.queue.push({ input, resolve, reject });
      if (this.scheduled) return;
      this.scheduled = true;
      queueMicrotask(() => {
        this.scheduled = false;
        this.drain();
      });
    });
  }

  private drain(): void {
    while (this.running < this.limits.maxConcurrent && this.queue.length > 0) {
      const batch = this.queue.splice(0, this.limits.maxInputs);
      this.running++;
      void this.runBatch(batch);
    }
  }

  private async runBatch(batch: readonly Pending<I, O>[]): Promise<void> {
    try {
      const outputs = await this.run(batch.map((p) => p.input));
      if (outputs.length !== batch.length) {
        throw new Error(`a batch of ${batch.length} calls was answered ${outputs.length} times`);
      }
      batch.forEach((p, i) => p.resolve(outputs[i]));
    } catch (error) {
      for (const p of batch) p.reject(error);
    } finally {
      this.running--;
      this.drain();
    }
  }
}
