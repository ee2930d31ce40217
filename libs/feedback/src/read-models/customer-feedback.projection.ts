import { RecordedEvent } from '@heard/event-store';
import { defineProjection } from '@heard/projections';
import { EntityManager } from 'typeorm';
import { applyCaseEvent, CASE_EVENT_TYPES } from './apply-case-event';
import { applyFeedbackEvent, FEEDBACK_EVENT_TYPES } from './apply-feedback-event';
import { applyCustomerErased, CUSTOMER_ERASED, isCustomerErased } from './apply-customer-erased';
import { applyCustomerFeedbackBatch } from './customer-feedback.batch';
import { eventSide } from './event-side';
import { FeedbackCaseViewRow } from './feedback-case-view.entity';
import { FeedbackReplyViewRow } from './feedback-reply-view.entity';
import { FeedbackViewRow } from './feedback-view.entity';

/** One event, row by row: the reference the batch must match, and its fallback. */
async function apply(event: RecordedEvent, manager: EntityManager): Promise<void> {
  const side = eventSide(event);
  if (side === 'feedback') await applyFeedbackEvent(event, manager);
  else if (side === 'case') await applyCaseEvent(event, manager);
  else if (isCustomerErased(event)) await applyCustomerErased(event, manager);
}

/** An erasure splits the batch: what came before it is written first, then redacted by it. */
async function applyAll(events: readonly RecordedEvent[], manager: EntityManager): Promise<void> {
  let start = 0;
  for (let i = 0; i < events.length; i++) {
    if (!isCustomerErased(events[i])) continue;
    if (i > start) await applyCustomerFeedbackBatch(events.slice(start, i), manager, apply);
    await applyCustomerErased(events[i], manager);
    start = i + 1;
  }
  if (start < events.length)
    await applyCustomerFeedbackBatch(start === 0 ? events : events.slice(start), manager, apply);
}

/** A customer's own feedback with its case status and what they were told: `GET /v1/me/feedback`. */
export const customerFeedbackProjection = defineProjection({
  name: 'customer-feedback',
  entities: [FeedbackViewRow, FeedbackCaseViewRow, FeedbackReplyViewRow],
  handles: [...FEEDBACK_EVENT_TYPES, ...CASE_EVENT_TYPES, CUSTOMER_ERASED],
  apply,
  applyAll,
});
