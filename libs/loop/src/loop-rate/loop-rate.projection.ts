import { RecordedEvent } from '@heard/event-store';
import { FeedbackLinkedToCase, FeedbackReceived, FeedbackTriaged } from '@heard/feedback';
import { defineProjection } from '@heard/projections';
import { EntityManager, IsNull } from 'typeorm';
import { FeedbackLinked, ImprovementShipped } from '../improvements/improvement.events';
import { NoticeScheduled, NoticeSent } from '../notices/notice.events';
import { LoopRateFeedback } from './loop-rate-feedback.entity';
import { LoopRateImprovement } from './loop-rate-improvement.entity';
import { LoopRateLink } from './loop-rate-link.entity';
import { LoopRateNotice } from './loop-rate-notice.entity';

export const LOOP_RATE = 'loop-rate';

/** The notices that close a loop: the resolution of a case, and "you changed this". */
export const LOOP_CLOSING_KINDS: ReadonlySet<string> = new Set([
  'case_resolved',
  'you_changed_this',
]);

const insertIgnoring = (manager: EntityManager, entity: object, values: object | object[]) =>
  manager
    .createQueryBuilder()
    .insert()
    .into(entity as typeof LoopRateFeedback)
    .values(values)
    .orIgnore()
    .execute();

async function applyEvent(event: RecordedEvent, manager: EntityManager): Promise<void> {
  switch (event.type) {
    case 'FeedbackReceived': {
      const d = event.data as FeedbackReceived['data'];
      await insertIgnoring(manager, LoopRateFeedback, {
        feedbackId: d.feedbackId,
        storeId: d.storeId,
        channel: d.channel,
        customerId: d.customer.id ?? null,
        receivedAt: new Date(d.receivedAt),
        negative: 0,
        caseId: null,
      });
      return;
    }
    case 'FeedbackTriaged': {
      const d = event.data as FeedbackTriaged['data'];
      await manager.update(
        LoopRateFeedback,
        { feedbackId: d.feedbackId },
        { negative: d.needsCase ? 1 : 0 },
      );
      return;
    }
    case 'FeedbackLinkedToCase': {
      const d = event.data as FeedbackLinkedToCase['data'];
      await manager.update(LoopRateFeedback, { feedbackId: d.feedbackId }, { caseId: d.caseId });
      return;
    }
    case 'FeedbackLinked': {
      const d = event.data as FeedbackLinked['data'];
      if (d.feedbackIds.length === 0) return;
      const rows = d.feedbackIds.map((feedbackId) => ({
        improvementId: d.improvementId,
        feedbackId,
      }));
      await insertIgnoring(manager, LoopRateLink, rows);
      return;
    }
    case 'ImprovementShipped': {
      // Shipped once: a replay finds the row and leaves its time as it is.
      const d = event.data as ImprovementShipped['data'];
      await insertIgnoring(manager, LoopRateImprovement, {
        improvementId: d.improvementId,
        shippedAt: new Date(d.at),
      });
      return;
    }
    case 'NoticeScheduled': {
      const d = event.data as NoticeScheduled['data'];
      if (!LOOP_CLOSING_KINDS.has(d.kind)) return;
      await insertIgnoring(manager, LoopRateNotice, {
        noticeId: d.noticeId,
        kind: d.kind,
        caseId: d.refs.caseId ?? null,
        customerId: d.recipient.customerId ?? null,
        improvementId: d.refs.improvementId ?? null,
        sentAt: null,
      });
      return;
    }
    case 'NoticeSent': {
      // The first send counts; a resend after a crash carries the same notice and changes nothing.
      const d = event.data as NoticeSent['data'];
      await manager.update(
        LoopRateNotice,
        { noticeId: d.noticeId, sentAt: IsNull() },
        { sentAt: new Date(d.at) },
      );
      return;
    }
    default:
      return;
  }
}

/**
 * What the loop rate is counted from: feedback (where, when, negative, its case), links to
 * improvements and when those shipped, and when each loop-closing notice first went out. Ids,
 * stores, channels and times only: nothing a customer wrote or is called.
 */
export const loopRateProjection = defineProjection({
  name: LOOP_RATE,
  entities: [LoopRateFeedback, LoopRateLink, LoopRateImprovement, LoopRateNotice],
  handles: [
    'FeedbackReceived',
    'FeedbackTriaged',
    'FeedbackLinkedToCase',
    'FeedbackLinked',
    'ImprovementShipped',
    'NoticeScheduled',
    'NoticeSent',
  ],
  apply: applyEvent,
});
