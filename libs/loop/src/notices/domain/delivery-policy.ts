import { NOTICE_LOCALES, NoticeLocale } from '../../improvements/improvement.events';
import { NoticeChannel, NoticeKind, SuppressionReason } from '../notice.events';
import { QuietWindow, quietHoursEnd } from './quiet-hours';

/** The consent purposes a notice kind needs, in the customers context's vocabulary. */
export type NoticePurpose = 'case_updates' | 'you_changed_this';

export const purposeOf = (kind: NoticeKind): NoticePurpose | null => {
  switch (kind) {
    case 'you_changed_this':
      return 'you_changed_this';
    case 'staff_alert':
      return null;
    default:
      return 'case_updates';
  }
};

/** What a customer's stream says at send time: read again for every attempt. */
export interface CustomerContact {
  readonly erased: boolean;
  /** Null: no preferences recorded, hence no consent. */
  readonly channels:
    readonly { readonly channel: NoticeChannel; readonly address?: string }[] | null;
  readonly locale: string | null;
  readonly consents: Partial<Record<NoticePurpose, { readonly given: boolean }>>;
  readonly quietHours: QuietWindow | null;
}

export type DeliveryVerdict =
  | { readonly kind: 'suppress'; readonly reason: SuppressionReason }
  | { readonly kind: 'defer'; readonly until: Date }
  | {
      readonly kind: 'send';
      readonly channel: NoticeChannel;
      /** Null for push and in_app: the gateway or the app knows the device. */
      readonly address: string | null;
      readonly locale: NoticeLocale;
    };

/** ru-UA → ru; anything Heard has no templates for → en. */
export function noticeLocaleOf(tag: string | null): NoticeLocale {
  const base = (tag ?? '').split(/[-_]/)[0].toLowerCase();
  return (NOTICE_LOCALES as readonly string[]).includes(base) ? (base as NoticeLocale) : 'en';
}

const NEEDS_ADDRESS: ReadonlySet<NoticeChannel> = new Set(['email', 'sms']);

/**
 * Whether a customer's notice may go now, and how: erasure, withdrawn or missing consent, a
 * cancelled improvement and a missing address suppress it; quiet hours defer it (an in-app notice
 * disturbs nobody and is never deferred).
 */
export function customerDeliveryVerdict(
  kind: NoticeKind,
  contact: CustomerContact,
  improvementCancelled: boolean,
  now: Date,
): DeliveryVerdict {
  if (contact.erased) return { kind: 'suppress', reason: 'erased' };
  if (kind === 'you_changed_this' && improvementCancelled)
    return { kind: 'suppress', reason: 'improvement_cancelled' };
  const purpose = purposeOf(kind);
  if (purpose !== null) {
    const consent = contact.consents[purpose];
    if (consent === undefined || contact.channels === null)
      return { kind: 'suppress', reason: 'no_consent' };
    if (!consent.given) return { kind: 'suppress', reason: 'opted_out' };
  }
  const first = contact.channels?.[0];
  if (first === undefined) return { kind: 'suppress', reason: 'no_address' };
  const address = first.address ?? null;
  if (NEEDS_ADDRESS.has(first.channel) && address === null)
    return { kind: 'suppress', reason: 'no_address' };
  if (first.channel !== 'in_app' && contact.quietHours !== null) {
    const end = quietHoursEnd(contact.quietHours, now);
    if (end !== null) return { kind: 'defer', until: end };
  }
  return { kind: 'send', channel: first.channel, address, locale: noticeLocaleOf(contact.locale) };
}
