import { defineProjection } from '@heard/projections';
import { applyCaseEvent, CASE_EVENT_TYPES } from './apply-case-event';
import { applyFeedbackEvent, FEEDBACK_EVENT_TYPES } from './apply-feedback-event';
import { FeedbackCaseViewRow } from './feedback-case-view.entity';
import { FeedbackReplyViewRow } from './feedback-reply-view.entity';
import { FeedbackViewRow } from './feedback-view.entity';

const FEEDBACK_TYPES = new Set(FEEDBACK_EVENT_TYPES);

/** A customer's own feedback with its case status and what they were told: `GET /v1/me/feedback`. */
export const customerFeedbackProjection = defineProjection({
  name: 'customer-feedback',
  entities: [FeedbackViewRow, FeedbackCaseViewRow, FeedbackReplyViewRow],
  handles: [...FEEDBACK_EVENT_TYPES, ...CASE_EVENT_TYPES],
  async apply(event, manager) {
    // Type names are unique across streams today; the stream prefix keeps it so if one is reused.
    if (FEEDBACK_TYPES.has(event.type) && event.streamId.startsWith('feedback-'))
      await applyFeedbackEvent(event, manager);
    else if (event.streamId.startsWith('case-')) await applyCaseEvent(event, manager);
  },
});
