import nodemailer, { Transporter } from 'nodemailer';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { NoticeChannelPort, OutgoingNotice, SendResult } from '../delivery/notice-channel.port';
import { emailOf } from './email-message';

/**
 * The embedded default without SMTP_URL: each message as a `.eml` file in the outbox, named by its
 * message id (a resend replaces it with the same). Written to a temporary name and renamed, so a
 * reader never sees half a message.
 */
export class OutboxEmailChannel implements NoticeChannelPort {
  private readonly transport: Transporter;
  private ready: Promise<unknown> | null = null;

  constructor(
    private readonly dir: string,
    private readonly from: string,
  ) {
    this.transport = nodemailer.createTransport({
      streamTransport: true,
      buffer: true,
      newline: 'windows',
    });
  }

  async send(notice: OutgoingNotice): Promise<SendResult> {
    this.ready ??= mkdir(this.dir, { recursive: true });
    await this.ready;
    const info = (await this.transport.sendMail(emailOf(notice, this.from))) as { message: Buffer };
    const file = join(this.dir, `${notice.messageId}.eml`);
    const tmp = `${file}.${process.pid}.tmp`;
    await writeFile(tmp, info.message);
    await rename(tmp, file);
    return { ok: true };
  }
}
