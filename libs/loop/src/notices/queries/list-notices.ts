import { DataSource } from 'typeorm';
import { NoticeDelivery } from '../read-models/notice-delivery.entity';

export const MAX_NOTICE_PAGE = 100;

export interface NoticeCursor {
  readonly scheduledAt: string;
  readonly noticeId: string;
}

export const encodeNoticeCursor = (c: NoticeCursor): string =>
  Buffer.from(JSON.stringify([c.scheduledAt, c.noticeId])).toString('base64url');

/** Null for anything this API did not hand out. */
export function decodeNoticeCursor(text: string): NoticeCursor | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      typeof value[0] === 'string' &&
      !Number.isNaN(Date.parse(value[0])) &&
      typeof value[1] === 'string' &&
      value[1].length <= 64
    )
      return { scheduledAt: new Date(value[0]).toISOString(), noticeId: value[1] };
  } catch {
    // not base64url JSON: not ours
  }
  return null;
}

export interface NoticePage {
  readonly items: NoticeDelivery[];
  readonly nextCursor: string | null;
}

export interface ListNoticesOptions {
  readonly after?: NoticeCursor | null;
  readonly limit: number;
  /** Only those sent: the in-app feed. */
  readonly sentOnly?: boolean;
}

/** A customer's notices, newest first, a keyset page at a time. */
export async function listCustomerNotices(
  dataSource: DataSource,
  customerId: string,
  options: ListNoticesOptions,
): Promise<NoticePage> {
  const query = dataSource
    .getRepository(NoticeDelivery)
    .createQueryBuilder('n')
    .where('n.customerId = :customerId', { customerId })
    .orderBy('n.scheduledAt', 'DESC')
    .addOrderBy('n.noticeId', 'DESC')
    .limit(options.limit + 1);
  if (options.sentOnly) query.andWhere("n.status = 'sent'");
  if (options.after)
    query.andWhere('(n.scheduledAt < :at OR (n.scheduledAt = :at AND n.noticeId < :id))', {
      at: options.after.scheduledAt,
      id: options.after.noticeId,
    });
  const rows = await query.getMany();
  const items = rows.slice(0, options.limit);
  const last = items.at(-1);
  return {
    items,
    nextCursor:
      rows.length > options.limit && last !== undefined
        ? encodeNoticeCursor({
            scheduledAt: last.scheduledAt.toISOString(),
            noticeId: last.noticeId,
          })
        : null,
  };
}

/** Every notice of a customer (their data document): walked page by page. */
export async function allCustomerNotices(
  dataSource: DataSource,
  customerId: string,
): Promise<NoticeDelivery[]> {
  const all: NoticeDelivery[] = [];
  let after: NoticeCursor | null = null;
  for (;;) {
    const page = await listCustomerNotices(dataSource, customerId, {
      after,
      limit: MAX_NOTICE_PAGE,
    });
    all.push(...page.items);
    if (page.nextCursor === null) return all;
    after = decodeNoticeCursor(page.nextCursor);
  }
}
