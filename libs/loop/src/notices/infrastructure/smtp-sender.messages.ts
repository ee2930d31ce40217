import { OutgoingNotice, SendResult } from '../delivery/notice-channel.port';
import { SmtpEmailChannelOptions } from './smtp-email-channel';

/** What the sender thread starts with. */
export type SmtpSenderData = SmtpEmailChannelOptions;

/** To the sender thread: a message to send, or the end. */
export type ToSmtpSender =
  | { readonly kind: 'send'; readonly id: number; readonly notice: OutgoingNotice }
  | { readonly kind: 'close' };

/** From the sender thread: how one send ended. */
export interface FromSmtpSender {
  readonly id: number;
  readonly result: SendResult;
}
