import { MessageChannel, MessagePort, Worker } from 'node:worker_threads';
import { GroupCommitObserver, threadEntry } from '@heard/event-store';
import { FromWriterThread, ToWriterThread, WriterThreadData } from './writer-thread-messages';

/** The process's writing connection to one event file, in a thread of its own. */
export class SqliteWriterThread {
  private readonly exited: Promise<number>;

  private constructor(private readonly worker: Worker) {
    this.exited = new Promise((resolve) => worker.once('exit', resolve));
    // Appends wait on it only while they are pending; an idle writer must not keep node running.
    worker.unref();
  }

  /** Appends sent before the thread is up wait in its port and are written once it is. */
  static start(
    data: Omit<WriterThreadData, 'reportGroupCommits'> & { onGroupCommit?: GroupCommitObserver },
  ): SqliteWriterThread {
    const { file, execArgv } = threadEntry(__filename, 'sqlite-writer.thread');
    const { onGroupCommit, ...rest } = data;
    const workerData: WriterThreadData = {
      ...rest,
      reportGroupCommits: onGroupCommit !== undefined,
    };
    const worker = new Worker(file, { workerData, execArgv });
    if (onGroupCommit)
      worker.on('message', (message: FromWriterThread) => message.groups.forEach(onGroupCommit));
    return new SqliteWriterThread(worker);
  }

  /** A port to send appends on (see forwardAppends); one per client thread. */
  connect(): MessagePort {
    const { port1, port2 } = new MessageChannel();
    const message: ToWriterThread = { kind: 'connect', port: port2 };
    this.worker.postMessage(message, [port2]);
    return port1;
  }

  /** Writes what is queued, closes the file and ends the thread. */
  async close(): Promise<void> {
    this.worker.ref();
    const message: ToWriterThread = { kind: 'close' };
    this.worker.postMessage(message);
    await this.exited;
  }
}
