import { RecordedEvent } from '@heard/event-store';
import { EntityManager } from 'typeorm';
import { FeedbackEvent, FeedbackReceived } from '../domain/feedback.events';
import { sealedPersonalOf } from '../personal/feedback-received.personal';
import { FeedbackViewRow } from './feedback-view.entity';

export const FEEDBACK_EVENT_TYPES = ['FeedbackReceived', 'FeedbackTriaged', 'FeedbackLinkedToCase'];

/**
 * The row a FeedbackReceived inserts; shared by `apply` and the batch so they cannot drift. A
 * sealed block is kept as it is: its words are never looked at here, so nothing is decrypted.
 */
export function feedbackViewRowOf(d: FeedbackReceived['data']): FeedbackViewRow {
  const sealed = sealedPersonalOf(d);
  return {
    feedbackId: d.feedbackId,
    customerId: d.customer.id ?? null,
    kind: d.kind,
    channel: d.channel,
    storeId: d.storeId,
    category: d.category,
    rating: d.rating,
    nps: d.nps,
    text: sealed === null ? (d.personal.text ?? null) : null,
    personalKey: sealed?.key ?? null,
    personalSealed: sealed?.sealed ?? null,
    language: d.language,
    occurredAt: new Date(d.occurredAt),
    receivedAt: new Date(d.receivedAt),
    caseId: null,
  };
}

/** Each write sets a value or inserts-if-absent, so applying an event twice leaves the same row. */
export async function applyFeedbackEvent(
  event: RecordedEvent,
  manager: EntityManager,
): Promise<void> {
  const domain = { type: event.type, data: event.data } as FeedbackEvent;
  const rows = manager.getRepository(FeedbackViewRow);
  switch (domain.type) {
    case 'FeedbackReceived':
      await rows
        .createQueryBuilder()
        .insert()
        .values(feedbackViewRowOf(domain.data))
        .orIgnore()
        .execute();
      return;
    case 'FeedbackTriaged':
      await rows.update({ feedbackId: domain.data.feedbackId }, { category: domain.data.category });
      return;
    case 'FeedbackLinkedToCase':
      await rows.update({ feedbackId: domain.data.feedbackId }, { caseId: domain.data.caseId });
      return;
    default: {
      const unknown: never = domain;
      return unknown;
    }
  }
}
