import { NoticeLocale } from '../../improvements/improvement.events';
import { NoticeChannel, NoticeKind } from '../notice.events';

/** One message as it leaves Heard: rendered at send time, held only as long as the send lasts. */
export interface OutgoingNotice {
  /** The Message-ID and Idempotency-Key: the notice id, or the digest id; the same on a resend. */
  readonly messageId: string;
  readonly channel: NoticeChannel;
  readonly kind: NoticeKind;
  /** Every notice the message carries (more than one in a digest). */
  readonly noticeIds: readonly string[];
  /** The customer or member of staff, by id (a pseudonym): the push gateway finds the device by it. */
  readonly recipientId: string;
  /** E-mail address or phone number; null for push. Personal: never logged. */
  readonly to: string | null;
  readonly locale: NoticeLocale;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  /** The signed one-click opt-out link, for customers' notices. */
  readonly unsubscribeUrl: string | null;
}

/** The channel's own words for what went wrong (an SMTP code, an HTTP status), never content. */
export type SendResult =
  | { readonly ok: true }
  | { readonly ok: false; readonly permanent: boolean; readonly error: string };

/** One port, three channels: e-mail, the SMS/push webhook, and the in-app feed (no send). */
export interface NoticeChannelPort {
  send(notice: OutgoingNotice): Promise<SendResult>;
  close?(): Promise<void>;
}
