import { CustomerErased, REDACTED } from '@heard/customers';
import { RecordedEvent } from '@heard/event-store';
import { EntityManager } from 'typeorm';
import { FeedbackReplyViewRow } from './feedback-reply-view.entity';
import { FeedbackViewRow } from './feedback-view.entity';
import { MAY_HOLD_WORDS } from './feedback-words';

export const CUSTOMER_ERASED = 'CustomerErased';

export const isCustomerErased = (event: RecordedEvent): boolean =>
  event.type === CUSTOMER_ERASED && event.streamId.startsWith('customer-');

/**
 * The customer's words leave the rows that hold them, plain or sealed: their feedback's and their
 * replies on its cases. Ratings, scores, categories and case status stay. Applying it again
 * changes nothing.
 */
export async function applyCustomerErased(
  event: RecordedEvent,
  manager: EntityManager,
): Promise<void> {
  const { customerId } = event.data as CustomerErased['data'];
  const feedback = manager.getRepository(FeedbackViewRow);
  const rows = await feedback.find({ select: { caseId: true }, where: { customerId } });
  const caseIds = [...new Set(rows.flatMap((r) => (r.caseId === null ? [] : [r.caseId])))];
  if (caseIds.length > 0)
    await manager
      .getRepository(FeedbackReplyViewRow)
      .createQueryBuilder()
      .update()
      .set({ text: REDACTED })
      .where('author = :author', { author: 'customer' })
      .andWhere('case_id IN (:...caseIds)', { caseIds })
      .andWhere('text <> :redacted', { redacted: REDACTED })
      .execute();
  // Sealed words go too, though their key is gone already: no read model keeps what was erased.
  await feedback
    .createQueryBuilder()
    .update()
    .set({ text: REDACTED, personalKey: null, personalSealed: null })
    .where('customer_id = :customerId', { customerId })
    .andWhere(MAY_HOLD_WORDS, { redacted: REDACTED })
    .execute();
}
