import { Scheduler } from '../reactor/scheduler';

/** A scheduler whose waits end when the test says so; it records every delay asked for. */
export class ManualScheduler implements Scheduler {
  readonly delays: number[] = [];
  private readonly waiting = new Set<() => void>();

  sleep(ms: number, signal: AbortSignal): Promise<void> {
    this.delays.push(ms);
    return new Promise((resolve) => {
      if (signal.aborted) return resolve();
      const wake = () => {
        this.waiting.delete(wake);
        signal.removeEventListener('abort', wake);
        resolve();
      };
      this.waiting.add(wake);
      signal.addEventListener('abort', wake, { once: true });
    });
  }

  get pending(): number {
    return this.waiting.size;
  }

  /** Ends every wait in progress. */
  release(): void {
    for (const wake of [...this.waiting]) wake();
  }
}
