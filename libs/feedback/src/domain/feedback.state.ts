import { FeedbackReceived, FeedbackTriaged } from './feedback.events';

export type FeedbackState =
  | { readonly status: 'none' }
  | {
      readonly status: 'received';
      readonly received: FeedbackReceived['data'];
      readonly triage: FeedbackTriaged['data'] | null;
      readonly caseId: string | null;
    };

export const initialFeedbackState = (): FeedbackState => ({ status: 'none' });
