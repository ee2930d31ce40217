import { FeedbackEvent } from './feedback.events';
import { FeedbackState } from './feedback.state';

export function evolveFeedback(state: FeedbackState, event: FeedbackEvent): FeedbackState {
  switch (event.type) {
    case 'FeedbackReceived':
      return { status: 'received', received: event.data, triage: null, caseId: null };
    case 'FeedbackTriaged':
      return state.status === 'received' ? { ...state, triage: event.data } : state;
    case 'FeedbackLinkedToCase':
      return state.status === 'received' ? { ...state, caseId: event.data.caseId } : state;
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}
