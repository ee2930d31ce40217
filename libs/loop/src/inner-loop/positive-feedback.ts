import type { FeedbackTriaged } from '@heard/feedback';

/**
 * Positive feedback, as triage (the one place Heard decides what feedback says) concluded: praise,
 * a review of 4–5 stars, an NPS promoter, or warm words with nothing against them. Feedback that
 * opens a case (a complaint, 1–2 stars, a detractor) is negative whatever else it says.
 */
export const isPositiveFeedback = (
  triaged: Pick<FeedbackTriaged['data'], 'sentiment' | 'needsCase'>,
): boolean => triaged.sentiment === 'positive' && !triaged.needsCase;
