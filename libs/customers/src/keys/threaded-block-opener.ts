import { threadEntry } from '@heard/event-store';
import { Worker } from 'node:worker_threads';
import { FromBlockOpener, TEXT_SEPARATOR, ToBlockOpener } from './block-opener.messages';
import { MasterKey } from './master-key';

interface Pending {
  resolve(texts: string[]): void;
  reject(error: Error): void;
}

/**
 * Opens batches of blocks in block-opener.thread.ts, started on the first batch; idle, it keeps
 * nothing alive. If the thread dies, what it held is rejected (the asker opens those itself) and
 * the next batch starts a new one.
 */
export class ThreadedBlockOpener {
  private worker: Worker | null = null;
  private next = 0;
  private readonly pending = new Map<number, Pending>();

  /** `keyLimit`: how many unwrapped keys the thread keeps at most. */
  constructor(
    private readonly master: MasterKey,
    private readonly keyLimit: number,
  ) {}

  private started(): Worker {
    if (this.worker) return this.worker;
    const { file, execArgv } = threadEntry(__filename, 'block-opener.thread');
    const worker = new Worker(file, {
      workerData: { masterKey: this.master.toBase64(), keyLimit: this.keyLimit },
      execArgv,
    });
    worker.on('message', ({ id, texts }: FromBlockOpener) => {
      const waiting = this.pending.get(id);
      this.pending.delete(id);
      waiting?.resolve(texts.split(TEXT_SEPARATOR));
      if (this.pending.size === 0) worker.unref();
    });
    worker.on('error', (error) => this.stopped(worker, error));
    worker.on('exit', () => this.stopped(worker, new Error('the block opener stopped')));
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

  /** Each block's JSON text, in order: '' for one that did not open, NOT_UNWRAPPED as said. */
  open(batch: Omit<ToBlockOpener, 'id'>): Promise<string[]> {
    const worker = this.started();
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      if (this.pending.size === 1) worker.ref();
      const message: ToBlockOpener = { id, ...batch };
      worker.postMessage(message, [
        message.wrapped.buffer,
        message.wrappedEnds.buffer,
        message.keyOf.buffer,
      ] as ArrayBuffer[]);
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    this.stopped(worker, new Error('the block opener was closed'));
    await worker.terminate();
  }
}
