import { PersonalDataPort } from '@heard/customers';
import { DataSource, In } from 'typeorm';
import { FeedbackCaseViewRow } from './feedback-case-view.entity';
import { decodeCursor, encodeCursor } from './feedback-cursor';
import { FeedbackReplyViewRow } from './feedback-reply-view.entity';
import { FeedbackViewRow } from './feedback-view.entity';
import { feedbackWordsOf } from './feedback-words';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export interface CustomerReply {
  readonly kind: 'reply' | 'resolution';
  readonly from: 'staff' | 'customer';
  readonly text: string;
  readonly at: string;
}

export interface CustomerFeedbackItem {
  readonly feedbackId: string;
  readonly kind: string;
  readonly channel: string;
  readonly storeId: string | null;
  readonly category: string | null;
  readonly rating: number | null;
  readonly nps: number | null;
  readonly text: string | null;
  readonly language: string | null;
  readonly occurredAt: string;
  readonly receivedAt: string;
  readonly case: {
    readonly caseId: string;
    readonly status: string;
    readonly replies: readonly CustomerReply[];
  } | null;
}

export interface CustomerFeedbackPage {
  readonly items: readonly CustomerFeedbackItem[];
  /** Pass as `cursor` for the next page; null on the last one. */
  readonly nextCursor: string | null;
}

async function casesOf(dataSource: DataSource, caseIds: string[]) {
  if (caseIds.length === 0)
    return { statuses: new Map<string, string>(), replies: new Map<string, CustomerReply[]>() };
  const [cases, replies] = await Promise.all([
    dataSource.getRepository(FeedbackCaseViewRow).findBy({ caseId: In(caseIds) }),
    dataSource
      .getRepository(FeedbackReplyViewRow)
      .find({ where: { caseId: In(caseIds) }, order: { caseId: 'ASC', caseVersion: 'ASC' } }),
  ]);
  const byCase = new Map<string, CustomerReply[]>();
  for (const r of replies) {
    const list = byCase.get(r.caseId) ?? [];
    list.push({
      kind: r.kind as CustomerReply['kind'],
      from: r.author as CustomerReply['from'],
      text: r.text,
      at: r.sentAt.toISOString(),
    });
    byCase.set(r.caseId, list);
  }
  return { statuses: new Map(cases.map((c) => [c.caseId, c.status])), replies: byCase };
}

/**
 * A customer's feedback, newest first, with the case status and replies, its words opened with
 * `personal`; throws InvalidCursorError.
 */
export async function listCustomerFeedback(
  dataSource: DataSource,
  personal: Pick<PersonalDataPort, 'opener'>,
  customerId: string,
  options: { readonly cursor?: string; readonly limit?: number } = {},
): Promise<CustomerFeedbackPage> {
  const limit = Math.min(Math.max(options.limit ?? DEFAULT_PAGE_SIZE, 1), MAX_PAGE_SIZE);
  const query = dataSource
    .getRepository(FeedbackViewRow)
    .createQueryBuilder('f')
    .where('f.customerId = :customerId', { customerId })
    .orderBy('f.receivedAt', 'DESC')
    .addOrderBy('f.feedbackId', 'DESC')
    .limit(limit + 1);
  if (options.cursor !== undefined) {
    const after = decodeCursor(options.cursor);
    // Times are fixed-width ISO text, so text comparison is time comparison on every driver.
    query.andWhere('(f.receivedAt < :at OR (f.receivedAt = :at AND f.feedbackId < :id))', {
      at: after.receivedAt,
      id: after.feedbackId,
    });
  }
  const rows = await query.getMany();
  const page = rows.slice(0, limit);
  const caseIds = [...new Set(page.flatMap((r) => (r.caseId ? [r.caseId] : [])))];
  const [{ statuses, replies }, words] = await Promise.all([
    casesOf(dataSource, caseIds),
    feedbackWordsOf(page, personal),
  ]);
  const items = page.map((r, i): CustomerFeedbackItem => {
    const status = r.caseId ? statuses.get(r.caseId) : undefined;
    return {
      feedbackId: r.feedbackId,
      kind: r.kind,
      channel: r.channel,
      storeId: r.storeId,
      category: r.category,
      rating: r.rating,
      nps: r.nps,
      text: words[i],
      language: r.language,
      occurredAt: r.occurredAt.toISOString(),
      receivedAt: r.receivedAt.toISOString(),
      case:
        r.caseId && status
          ? { caseId: r.caseId, status, replies: replies.get(r.caseId) ?? [] }
          : null,
    };
  });
  const last = page[page.length - 1];
  const nextCursor =
    rows.length > limit && last
      ? encodeCursor({ receivedAt: last.receivedAt.toISOString(), feedbackId: last.feedbackId })
      : null;
  return { items, nextCursor };
}
