import { EventStore } from '@heard/event-store';
import { noticeLocaleOf } from '../domain/delivery-policy';
import { ContentSettings, gatherContent } from '../delivery/gather-content';
import { customerContact } from '../delivery/recipient-contact';
import { NoticeKind, NoticeRefs } from '../notice.events';
import { NoticeDelivery } from '../read-models/notice-delivery.entity';
import { renderNotice } from '../templates/render-notice';

export interface FeedItem {
  readonly noticeId: string;
  readonly kind: NoticeKind;
  readonly channel: string | null;
  readonly sentAt: string | null;
  readonly readAt: string | null;
  readonly caseId: string | null;
  readonly improvementId: string | null;
  readonly subject: string;
  readonly text: string;
}

/**
 * A customer's sent notices as they read in the app: rendered now from their refs in the
 * customer's language, like the message was, so erasure leaves nothing to show.
 */
export async function renderFeed(
  store: EventStore,
  customerId: string,
  rows: readonly NoticeDelivery[],
  settings: ContentSettings,
): Promise<FeedItem[]> {
  if (rows.length === 0) return [];
  const contact = await customerContact(store, customerId);
  const locale = noticeLocaleOf(contact.locale);
  return Promise.all(
    rows.map(async (row) => {
      const kind = row.kind as NoticeKind;
      const refs = row.refs as NoticeRefs;
      let subject = '';
      let text = '';
      if (!contact.erased) {
        const rendered = renderNotice(
          (await gatherContent(store, kind, [refs], locale, settings).catch(() => null)) ?? {
            kind: 'thank_you',
            quote: null,
            saidAt: null,
          },
          locale,
          null,
        );
        ({ subject, text } = rendered);
      }
      return {
        noticeId: row.noticeId,
        kind,
        channel: row.channel,
        sentAt: row.sentAt?.toISOString() ?? null,
        readAt: row.readAt?.toISOString() ?? null,
        caseId: refs.caseId ?? null,
        improvementId: refs.improvementId ?? null,
        subject,
        text: text.trimEnd(),
      };
    }),
  );
}
