import { DomainError } from '@heard/kernel';
import { ImprovementEvent } from '../improvement.events';
import { FeedbackToLink, ImprovementCommand } from './improvement.commands';
import { ActiveImprovement, ImprovementState } from './improvement.state';

/** Items per FeedbackLinked event: well under the store's 1 MiB per event with their customers. */
export const LINKS_PER_EVENT = 2_000;

const notFound = () =>
  new DomainError('improvement.not_found', 'there is no such improvement', 'not_found');

const shipped = (action: string) =>
  new DomainError(
    'improvement.shipped',
    `cannot ${action} an improvement that has shipped: its customers may already have been told`,
  );

const cancelled = (action: string) =>
  new DomainError('improvement.cancelled', `cannot ${action} a cancelled improvement`);

const sameMessages = (a: Readonly<Record<string, string | undefined>>, b: typeof a): boolean => {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((k) => a[k] === b[k]);
};

/** The items not linked yet, once each, in the order given. */
function newItems(state: ActiveImprovement, feedback: readonly FeedbackToLink[]): FeedbackToLink[] {
  const seen = new Set<string>();
  return feedback.filter((f) => {
    if (state.linked.has(f.feedbackId) || seen.has(f.feedbackId)) return false;
    seen.add(f.feedbackId);
    return true;
  });
}

function decideLink(
  command: Extract<ImprovementCommand, { type: 'LinkFeedback' }>,
  state: ActiveImprovement,
): ImprovementEvent[] {
  if (state.status === 'cancelled') throw cancelled('link feedback to');
  const items = newItems(state, command.feedback);
  const events: ImprovementEvent[] = [];
  for (let i = 0; i < items.length; i += LINKS_PER_EVENT) {
    const chunk = items.slice(i, i + LINKS_PER_EVENT);
    events.push({
      type: 'FeedbackLinked',
      data: {
        improvementId: state.improvementId,
        feedbackIds: chunk.map((f) => f.feedbackId),
        customerIds: chunk.map((f) => f.customerId),
        ...(command.caseId === undefined ? {} : { caseId: command.caseId }),
        by: command.by,
        at: command.at,
      },
    });
  }
  return events;
}

/**
 * An improvement's life: proposed, optionally started, then shipped or cancelled, never both.
 * Feedback can be linked until it is cancelled, also after shipping (those customers are told when
 * linked). Repeating what already happened (starting a started one, cancelling a cancelled one,
 * shipping again with the same messages, linking what is linked) appends nothing. Who may do it
 * (scope) is checked before, at the edge.
 */
export function decideImprovement(
  command: ImprovementCommand,
  state: ImprovementState,
): ImprovementEvent[] {
  if (command.type === 'ProposeImprovement') {
    if (state.status !== 'none')
      throw new DomainError('improvement.exists', 'an improvement with this id exists already');
    const { type: _type, ...data } = command;
    return [
      {
        type: 'ImprovementProposed',
        data: {
          ...data,
          storeIds: [...new Set(data.storeIds)],
          categories: [...new Set(data.categories)],
        },
      },
    ];
  }
  if (state.status === 'none') throw notFound();
  const { by, at } = command;
  const improvementId = state.improvementId;
  switch (command.type) {
    case 'LinkFeedback':
      return decideLink(command, state);
    case 'StartImprovement':
      if (state.status === 'started') return [];
      if (state.status === 'shipped') throw shipped('start');
      if (state.status === 'cancelled') throw cancelled('start');
      return [{ type: 'ImprovementStarted', data: { improvementId, by, at } }];
    case 'ShipImprovement': {
      const { messages } = command;
      if (messages.en === undefined || messages.en.trim() === '')
        throw new DomainError(
          'improvement.message_required',
          'shipping needs the public message in English (messages.en); other locales fall back to it',
          'invalid',
          'messages.en',
        );
      if (state.status === 'shipped') {
        if (state.messages !== null && sameMessages(state.messages, messages)) return [];
        throw shipped('ship again with other messages');
      }
      if (state.status === 'cancelled') throw cancelled('ship');
      return [
        {
          type: 'ImprovementShipped',
          data: { improvementId, messages: { ...messages, en: messages.en }, by, at },
        },
      ];
    }
    case 'CancelImprovement':
      if (state.status === 'cancelled') return [];
      if (state.status === 'shipped') throw shipped('cancel');
      return [
        { type: 'ImprovementCancelled', data: { improvementId, reason: command.reason, by, at } },
      ];
    default: {
      const unknown: never = command;
      return unknown;
    }
  }
}
