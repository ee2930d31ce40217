import { FeedbackReceived } from './feedback.events';

/** Everything FeedbackReceived records comes in the command: the decider adds nothing of its own. */
export type ReceiveFeedback = { readonly type: 'ReceiveFeedback' } & FeedbackReceived['data'];

export interface LinkFeedbackToCase {
  readonly type: 'LinkFeedbackToCase';
  readonly caseId: string;
  readonly merged: boolean;
  readonly at: string;
}

export type FeedbackCommand = ReceiveFeedback | LinkFeedbackToCase;
