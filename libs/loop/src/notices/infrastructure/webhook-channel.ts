import { createHmac } from 'node:crypto';
import { NoticeChannelPort, OutgoingNotice, SendResult } from '../delivery/notice-channel.port';

/**
 * `Heard-Signature: t=<unix seconds>,v1=<hex>` where hex is HMAC-SHA256 under the secret of
 * `<t>.<raw body>`: the receiver recomputes it over the bytes it got and refuses an old `t`.
 */
export function webhookSignature(secret: string, timestamp: number, body: string): string {
  const mac = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  return `t=${timestamp},v1=${mac}`;
}

/** 408 and 429 ask to come back later; any other 4xx is the gateway's final word. */
export function httpResultOf(status: number): SendResult {
  if (status >= 200 && status < 300) return { ok: true };
  const retry = status >= 500 || status === 408 || status === 429;
  return { ok: false, permanent: !retry, error: `http ${status}` };
}

export interface WebhookChannelOptions {
  readonly url: string;
  readonly secret: string;
  readonly timeoutMs?: number;
  readonly now?: () => Date;
}

/** SMS and push through a gateway's webhook: JSON, signed, with the message id as Idempotency-Key. */
export class WebhookChannel implements NoticeChannelPort {
  constructor(private readonly options: WebhookChannelOptions) {}

  async send(notice: OutgoingNotice): Promise<SendResult> {
    const body = JSON.stringify({
      messageId: notice.messageId,
      noticeIds: notice.noticeIds,
      kind: notice.kind,
      channel: notice.channel,
      recipientId: notice.recipientId,
      to: notice.to,
      locale: notice.locale,
      subject: notice.subject,
      text: notice.text,
    });
    const timestamp = Math.floor((this.options.now?.() ?? new Date()).getTime() / 1000);
    try {
      const response = await fetch(this.options.url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'Idempotency-Key': notice.messageId,
          'Heard-Signature': webhookSignature(this.options.secret, timestamp, body),
        },
        body,
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
      });
      await response.arrayBuffer().catch(() => undefined);
      return httpResultOf(response.status);
    } catch (error) {
      const cause = (error as { cause?: { code?: string }; name?: string }) ?? {};
      return {
        ok: false,
        permanent: false,
        error: `http ${cause.cause?.code ?? cause.name ?? 'error'}`,
      };
    }
  }
}
