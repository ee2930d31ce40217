import { DomainError } from '@heard/kernel';
import { FeedbackCommand } from './feedback.commands';
import { FeedbackEvent } from './feedback.events';
import { FeedbackState } from './feedback.state';
import { triage } from './triage';

/** Receiving twice is a no-op: intake retries and replays must never record feedback twice. */
export function decideFeedback(command: FeedbackCommand, state: FeedbackState): FeedbackEvent[] {
  switch (command.type) {
    case 'ReceiveFeedback': {
      if (state.status !== 'none') return [];
      const { type: _type, ...data } = command;
      const result = triage({
        kind: command.kind,
        rating: command.rating,
        nps: command.nps,
        category: command.category,
        text: command.personal.text ?? null,
      });
      return [
        { type: 'FeedbackReceived', data },
        { type: 'FeedbackTriaged', data: { feedbackId: command.feedbackId, ...result } },
      ];
    }
    case 'LinkFeedbackToCase': {
      if (state.status === 'none') {
        throw new DomainError('feedback.not_found', 'feedback does not exist', 'not_found');
      }
      if (state.caseId === command.caseId) return [];
      return [
        {
          type: 'FeedbackLinkedToCase',
          data: {
            feedbackId: state.received.feedbackId,
            caseId: command.caseId,
            merged: command.merged,
            at: command.at,
          },
        },
      ];
    }
    default: {
      const unknown: never = command;
      return unknown;
    }
  }
}
