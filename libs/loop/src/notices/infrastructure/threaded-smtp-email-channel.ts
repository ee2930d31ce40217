import { ThreadCalls } from '@heard/event-store';
import { NoticeChannelPort, OutgoingNotice, SendResult } from '../delivery/notice-channel.port';
import { SmtpEmailChannelOptions } from './smtp-email-channel';
import { FromSmtpSender, SmtpSenderData, ToSmtpSender } from './smtp-sender.messages';

const STOPPED_ERROR = 'smtp sender stopped';

/** A send the thread never answered: not known to have arrived, so worth a retry (same id). */
const STOPPED: SendResult = { ok: false, permanent: false, error: STOPPED_ERROR };

/**
 * E-mail over SMTP as SmtpEmailChannel sends it, from a worker thread (smtp-sender.thread.ts)
 * started on the first send. If the thread dies, the sends it held end as retryable failures and
 * the next send starts a new one.
 */
export class ThreadedSmtpEmailChannel implements NoticeChannelPort {
  private readonly calls: ThreadCalls<Extract<ToSmtpSender, { kind: 'send' }>, FromSmtpSender>;

  constructor(options: SmtpEmailChannelOptions) {
    const data: SmtpSenderData = options;
    this.calls = new ThreadCalls({
      from: __filename,
      entry: 'smtp-sender.thread',
      workerData: data,
      stoppedMessage: STOPPED_ERROR,
    });
  }

  send(notice: OutgoingNotice): Promise<SendResult> {
    return this.calls
      .call((id) => ({ kind: 'send', id, notice }))
      .then(
        ({ result }) => result,
        () => STOPPED,
      );
  }

  async close(): Promise<void> {
    const closing: ToSmtpSender = { kind: 'close' };
    await this.calls.close(closing);
  }
}
