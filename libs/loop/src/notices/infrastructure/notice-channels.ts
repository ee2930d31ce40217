import { join } from 'node:path';
import { NoticeChannelPort, OutgoingNotice, SendResult } from '../delivery/notice-channel.port';
import { OutboxEmailChannel } from './outbox-email-channel';
import { ThreadedSmtpEmailChannel } from './threaded-smtp-email-channel';
import { WebhookChannel } from './webhook-channel';

/** Each channel to its adapter; the in-app feed needs no send, the notice shows once recorded. */
export class NoticeChannels implements NoticeChannelPort {
  constructor(
    private readonly email: NoticeChannelPort,
    private readonly webhook: NoticeChannelPort | null,
  ) {}

  send(notice: OutgoingNotice): Promise<SendResult> {
    switch (notice.channel) {
      case 'email':
        return this.email.send(notice);
      case 'sms':
      case 'push':
        return this.webhook === null
          ? Promise.resolve({ ok: false, permanent: true, error: 'no_webhook' })
          : this.webhook.send(notice);
      case 'in_app':
        return Promise.resolve({ ok: true });
    }
  }

  async close(): Promise<void> {
    await this.email.close?.();
    await this.webhook?.close?.();
  }
}

export interface NoticeChannelSettings {
  readonly smtpUrl: string | null;
  readonly noticeFrom: string;
  readonly noticeWebhookUrl: string | null;
  readonly noticeWebhookSecret: string | null;
  readonly dataDir: string;
}

/**
 * SMTP_URL (sent from a thread of its own), else the outbox under DATA_DIR; the webhook when
 * NOTICE_WEBHOOK_URL is set.
 */
export function noticeChannelsOf(config: NoticeChannelSettings): NoticeChannels {
  const email =
    config.smtpUrl === null
      ? new OutboxEmailChannel(join(config.dataDir, 'outbox'), config.noticeFrom)
      : new ThreadedSmtpEmailChannel({ smtpUrl: config.smtpUrl, from: config.noticeFrom });
  const webhook =
    config.noticeWebhookUrl === null
      ? null
      : new WebhookChannel({
          url: config.noticeWebhookUrl,
          secret: config.noticeWebhookSecret ?? '',
        });
  return new NoticeChannels(email, webhook);
}
