import { defineProjection } from '@heard/projections';
import { LoopRateFeedback } from './loop-rate-feedback.entity';
import { LoopRateImprovement } from './loop-rate-improvement.entity';
import { LoopRateLink } from './loop-rate-link.entity';
import { LoopRateNotice } from './loop-rate-notice.entity';
import { applyLoopRateBatch } from './loop-rate.batch';

export const LOOP_RATE = 'loop-rate';

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
  apply: (event, manager) => applyLoopRateBatch([event], manager),
  applyAll: applyLoopRateBatch,
});
