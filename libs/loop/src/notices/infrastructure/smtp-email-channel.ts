import nodemailer, { Transporter } from 'nodemailer';
import { NoticeChannelPort, OutgoingNotice, SendResult } from '../delivery/notice-channel.port';
import { emailOf } from './email-message';

interface SmtpError {
  readonly responseCode?: number;
  readonly code?: string;
}

/** 5xx is the server's final word (no such mailbox, refused); 4xx and no answer are worth a retry. */
export function smtpResultOf(error: unknown): SendResult {
  const { responseCode, code } = (error ?? {}) as SmtpError;
  if (typeof responseCode === 'number')
    return { ok: false, permanent: responseCode >= 500, error: `smtp ${responseCode}` };
  return { ok: false, permanent: false, error: `smtp ${code ?? 'error'}` };
}

export interface SmtpEmailChannelOptions {
  readonly smtpUrl: string;
  readonly from: string;
  /** Connections the pool keeps open. */
  readonly maxConnections?: number;
}

/** E-mail over SMTP (smtp:// or smtps://) through one pooled nodemailer transport. */
export class SmtpEmailChannel implements NoticeChannelPort {
  private readonly transport: Transporter;

  constructor(private readonly options: SmtpEmailChannelOptions) {
    const url = new URL(options.smtpUrl);
    this.transport = nodemailer.createTransport({
      host: url.hostname,
      port: url.port === '' ? undefined : Number(url.port),
      secure: url.protocol === 'smtps:',
      auth:
        url.username === ''
          ? undefined
          : { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) },
      pool: true,
      maxConnections: options.maxConnections ?? 5,
      maxMessages: Infinity,
      connectionTimeout: 30_000,
      socketTimeout: 60_000,
      tls: { rejectUnauthorized: url.searchParams.get('tls_reject_unauthorized') !== 'false' },
    });
  }

  async send(notice: OutgoingNotice): Promise<SendResult> {
    try {
      await this.transport.sendMail(emailOf(notice, this.options.from));
      return { ok: true };
    } catch (error) {
      return smtpResultOf(error);
    }
  }

  async close(): Promise<void> {
    this.transport.close();
  }
}
