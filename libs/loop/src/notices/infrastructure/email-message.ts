import type Mail from 'nodemailer/lib/mailer';
import { OutgoingNotice } from '../delivery/notice-channel.port';

/** The domain of the From address: Message-IDs are `<messageId@domain>`. */
export function domainOf(from: string): string {
  const address = /<([^>]+)>/.exec(from)?.[1] ?? from;
  const at = address.lastIndexOf('@');
  return at >= 0 ? address.slice(at + 1).trim() || 'heard.local' : 'heard.local';
}

export const messageIdHeader = (messageId: string, from: string): string =>
  `<${messageId}@${domainOf(from)}>`;

/**
 * The MIME message of a notice: multipart text and HTML, a Message-ID derived from the notice (or
 * digest) id so that a resend is recognisably the same message, and RFC 8058 one-click opt-out.
 */
export function emailOf(notice: OutgoingNotice, from: string): Mail.Options {
  const headers: Record<string, string> = {};
  if (notice.unsubscribeUrl !== null) {
    headers['List-Unsubscribe'] = `<${notice.unsubscribeUrl}>`;
    headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
  }
  return {
    from,
    to: notice.to ?? undefined,
    subject: notice.subject,
    text: notice.text,
    html: notice.html,
    messageId: messageIdHeader(notice.messageId, from),
    headers: { ...headers, 'Content-Language': notice.locale },
  };
}
