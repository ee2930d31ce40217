import { threadEntry } from '@heard/event-store';
import { Worker } from 'node:worker_threads';
import { NoticeChannelPort, OutgoingNotice, SendResult } from '../delivery/notice-channel.port';
import { SmtpEmailChannelOptions } from './smtp-email-channel';
import { FromSmtpSender, SmtpSenderData, ToSmtpSender } from './smtp-sender.messages';

/** A send the thread never answered: not known to have arrived, so worth a retry (same id). */
const STOPPED: SendResult = { ok: false, permanent: false, error: 'smtp sender stopped' };

/**
 * E-mail over SMTP as SmtpEmailChannel sends it, from a worker thread (smtp-sender.thread.ts)
 * started on the first send. If the thread dies, the sends it held end as retryable failures and
 * the next send starts a new one.
 */
export class ThreadedSmtpEmailChannel implements NoticeChannelPort {
  private worker: Worker | null = null;
  private next = 0;
  private readonly pending = new Map<number, (result: SendResult) => void>();

  constructor(private readonly options: SmtpEmailChannelOptions) {}

  private started(): Worker {
    if (this.worker) return this.worker;
    const { file, execArgv } = threadEntry(__filename, 'smtp-sender.thread');
    const data: SmtpSenderData = this.options;
    const worker = new Worker(file, { workerData: data, execArgv });
    worker.on('message', ({ id, result }: FromSmtpSender) => {
      const answer = this.pending.get(id);
      this.pending.delete(id);
      answer?.(result);
      if (this.pending.size === 0) worker.unref();
    });
    worker.on('error', () => this.stopped(worker));
    worker.on('exit', () => this.stopped(worker));
    // Idle, the sender must not keep the process alive; a pending send refs it again.
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private stopped(worker: Worker): void {
    if (this.worker !== worker) return;
    this.worker = null;
    for (const answer of this.pending.values()) answer(STOPPED);
    this.pending.clear();
  }

  send(notice: OutgoingNotice): Promise<SendResult> {
    const worker = this.started();
    const id = this.next++;
    return new Promise<SendResult>((resolve) => {
      this.pending.set(id, resolve);
      if (this.pending.size === 1) worker.ref();
      const message: ToSmtpSender = { kind: 'send', id, notice };
      worker.postMessage(message);
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    const exited = new Promise((resolve) => worker.once('exit', resolve));
    // Waiting for it to end must keep the process alive, or the process ends first.
    worker.ref();
    const message: ToSmtpSender = { kind: 'close' };
    worker.postMessage(message);
    await exited;
  }
}
