import { RecordedEvent } from '@heard/event-store';
import { EntityManager } from 'typeorm';
import { FeedbackEvent } from '../domain/feedback.events';
import { FeedbackViewRow } from './feedback-view.entity';

export const FEEDBACK_EVENT_TYPES = ['FeedbackReceived', 'FeedbackTriaged', 'FeedbackLinkedToCase'];

/** Each write sets a value or inserts-if-absent, so applying an event twice leaves the same row. */
export async function applyFeedbackEvent(
  event: RecordedEvent,
  manager: EntityManager,
): Promise<void> {
  const domain = { type: event.type, data: event.data } as FeedbackEvent;
  const rows = manager.getRepository(FeedbackViewRow);
  switch (domain.type) {
    case 'FeedbackReceived': {
      const d = domain.data;
      await rows
        .createQueryBuilder()
        .insert()
        .values({
          feedbackId: d.feedbackId,
          customerId: d.customer.id ?? null,
          kind: d.kind,
          channel: d.channel,
          storeId: d.storeId,
          category: d.category,
          rating: d.rating,
          nps: d.nps,
          text: d.personal.text ?? null,
          language: d.language,
          occurredAt: new Date(d.occurredAt),
          receivedAt: new Date(d.receivedAt),
          caseId: null,
        })
        .orIgnore()
        .execute();
      return;
    }
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
