import { Decider } from '@heard/event-store';
import { FeedbackCommand } from './feedback.commands';
import { decideFeedback } from './feedback.decide';
import { FeedbackEvent } from './feedback.events';
import { evolveFeedback } from './feedback.evolve';
import { FeedbackState, initialFeedbackState } from './feedback.state';

export const feedbackStreamId = (feedbackId: string): string => `feedback-${feedbackId}`;

export const feedbackDecider: Decider<FeedbackCommand, FeedbackEvent, FeedbackState> = {
  decide: decideFeedback,
  evolve: evolveFeedback,
  initialState: initialFeedbackState,
};
