import { TransferListItem, Worker } from 'node:worker_threads';
import { threadEntry } from './thread-entry';

export interface ThreadCallsOptions {
  /** The caller's `__filename` and the entry's name beside it, as threadEntry takes them. */
  readonly from: string;
  readonly entry: string;
  readonly workerData?: unknown;
  /** What a call still waiting is rejected with when the thread ends. */
  readonly stoppedMessage: string;
}

/**
 * Calls answered by a worker thread, matched by id: the thread starts on the first call, keeps
 * the process alive only while a call waits, and when it dies every waiting call is rejected and
 * the next call starts a new one. Requests carry `id`; the thread answers each with the same id.
 */
export class ThreadCalls<
  Request extends { readonly id: number },
  Reply extends { readonly id: number },
> {
  private worker: Worker | null = null;
  private next = 0;
  private readonly pending = new Map<number, { resolve(r: Reply): void; reject(e: Error): void }>();

  constructor(private readonly options: ThreadCallsOptions) {}

  private started(): Worker {
    if (this.worker) return this.worker;
    const { file, execArgv } = threadEntry(this.options.from, this.options.entry);
    const worker = new Worker(file, { workerData: this.options.workerData, execArgv });
    worker.on('message', (reply: Reply) => {
      const waiting = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      waiting?.resolve(reply);
      if (this.pending.size === 0) worker.unref();
    });
    worker.on('error', (error) => this.stopped(worker, error));
    worker.on('exit', () => this.stopped(worker, new Error(this.options.stoppedMessage)));
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private stopped(worker: Worker, error: Error): void {
    if (this.worker !== worker) return;
    this.worker = null;
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }

  /** `request` makes the message from the call's id; `transfer` is handed over, not copied. */
  call(
    request: (id: number) => Request,
    transfer: readonly TransferListItem[] = [],
  ): Promise<Reply> {
    const worker = this.started();
    const id = this.next++;
    return new Promise<Reply>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      if (this.pending.size === 1) worker.ref();
      worker.postMessage(request(id), [...transfer]);
    });
  }

  /**
   * With `closing`, posts it and waits for the thread to end by itself (it finishes what it holds);
   * without, terminates it, and what still waits is rejected.
   */
  async close(closing?: unknown): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    if (closing === undefined) {
      this.stopped(worker, new Error(this.options.stoppedMessage));
      await worker.terminate();
      return;
    }
    const exited = new Promise((resolve) => worker.once('exit', resolve));
    // Waiting for it to end must keep the process alive, or the process ends first.
    worker.ref();
    worker.postMessage(closing);
    await exited;
  }
}
