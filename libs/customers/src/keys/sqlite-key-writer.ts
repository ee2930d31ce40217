import { threadEntry } from '@heard/event-store';
import { Worker } from 'node:worker_threads';
import { DataKeyRow } from './data-key-table';
import { FromKeyWriter, ToKeyWriter } from './sqlite-key-writer.messages';

/** The keys file's inserting connection, in a thread started on the first new key. */
export class SqliteKeyWriter {
  private worker: Worker | null = null;
  private next = 0;
  private readonly pending = new Map<number, { resolve(): void; reject(e: Error): void }>();

  constructor(private readonly file: string) {}

  private started(): Worker {
    if (this.worker) return this.worker;
    const { file, execArgv } = threadEntry(__filename, 'sqlite-key-writer.thread');
    const worker = new Worker(file, { workerData: { file: this.file }, execArgv });
    worker.on('message', ({ id, error }: FromKeyWriter) => {
      const waiting = this.pending.get(id);
      this.pending.delete(id);
      if (error === null) waiting?.resolve();
      else waiting?.reject(new Error(`data keys were not stored: ${error}`));
    });
    worker.on('error', (error) => this.failAll(error));
    worker.on('exit', () => this.failAll(new Error('the data key writer stopped')));
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private failAll(error: Error): void {
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
    this.worker = null;
  }

  /** Resolves once the rows are committed; an owner that has a key already keeps it. */
  insert(rows: readonly DataKeyRow[]): Promise<void> {
    const worker = this.started();
    const id = this.next++;
    return new Promise<void>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      // Only while a write is pending may it keep the process alive.
      if (this.pending.size === 1) worker.ref();
      const message: ToKeyWriter = {
        kind: 'insert',
        id,
        // Each wrapped key copied to bytes of its own: a Buffer from the pool would clone its
        // whole 8 KiB slab to the thread, and did, for every new key.
        rows: rows.map((row) => ({ ...row, wrapped: new Uint8Array(row.wrapped) })),
      };
      worker.postMessage(message);
    }).finally(() => {
      if (this.pending.size === 0) this.worker?.unref();
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    this.worker = null;
    const exited = new Promise((resolve) => worker.once('exit', resolve));
    // Waiting for it to end must keep the process alive, or the process ends first.
    worker.ref();
    const message: ToKeyWriter = { kind: 'close' };
    worker.postMessage(message);
    await exited;
  }
}
