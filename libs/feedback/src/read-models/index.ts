import { Projection } from '@heard/projections';
import { customerFeedbackProjection } from './customer-feedback.projection';
import { FeedbackReplyViewRow } from './feedback-reply-view.entity';
import { FeedbackViewRow } from './feedback-view.entity';

export * from './apply-customer-erased';
export * from './customer-feedback.projection';
export * from './customer-feedback.query';
export * from './feedback-case-view.entity';
export * from './feedback-cursor';
export * from './feedback-reply-view.entity';
export * from './feedback-view.entity';
export * from './feedback-words';

/** Feedback read models (the customer's own feedback with its case status and public replies). */
export const feedbackProjections: readonly Projection[] = [customerFeedbackProjection];

/** The read models that hold customers' words, and the projection that drops them on erasure. */
export const PERSONAL_READ_MODELS = {
  projection: customerFeedbackProjection.name,
  entities: [FeedbackViewRow, FeedbackReplyViewRow],
} as const;
