import { ImprovementEvent } from '../improvement.events';
import { ImprovementState } from './improvement.state';

/** Folds one event; events of a stream that does not exist yet other than the first are ignored. */
export function evolveImprovement(
  state: ImprovementState,
  event: ImprovementEvent,
): ImprovementState {
  if (event.type === 'ImprovementProposed') {
    const d = event.data;
    return {
      status: 'proposed',
      improvementId: d.improvementId,
      title: d.title,
      description: d.description,
      storeIds: d.storeIds,
      categories: d.categories,
      owner: d.owner,
      proposedBy: d.by,
      proposedAt: d.at,
      startedAt: null,
      shippedAt: null,
      cancelledAt: null,
      cancelReason: null,
      messages: null,
      linked: new Map(),
    };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'FeedbackLinked': {
      const linked = new Map(state.linked);
      const customers = event.data.customerIds;
      event.data.feedbackIds.forEach((id, i) => {
        if (!linked.has(id)) linked.set(id, customers?.[i] ?? null);
      });
      return { ...state, linked };
    }
    case 'ImprovementStarted':
      return { ...state, status: 'started', startedAt: event.data.at };
    case 'ImprovementShipped':
      return {
        ...state,
        status: 'shipped',
        shippedAt: event.data.at,
        messages: event.data.messages,
      };
    case 'ImprovementCancelled':
      return {
        ...state,
        status: 'cancelled',
        cancelledAt: event.data.at,
        cancelReason: event.data.reason,
      };
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}
