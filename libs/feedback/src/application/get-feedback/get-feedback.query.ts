import {
  ActiveCase,
  caseDecider,
  caseIdForFeedback,
  CaseEvent,
  CaseState,
  caseStreamId,
} from '@heard/cases';
import { EventStore, isUuid } from '@heard/event-store';
import { Actor, Scope } from '@heard/kernel';
import { feedbackDecider, feedbackStreamId } from '../../domain/feedback.decider';
import { FeedbackEvent, FeedbackTriaged } from '../../domain/feedback.events';
import { FeedbackDetails } from './feedback-details';
import { mayReadFeedback } from './feedback-visibility';

const withoutId = ({ feedbackId: _id, ...rest }: FeedbackTriaged['data']) => rest;

async function caseOf(store: EventStore, caseId: string): Promise<CaseState> {
  const events = await store.readStream(caseStreamId(caseId));
  return events.reduce(
    (s, e) => caseDecider.evolve(s, { type: e.type, data: e.data } as CaseEvent),
    caseDecider.initialState(),
  );
}

/**
 * Read from the event store, not a read model, so that the Location answered on intake can be
 * followed at once. Null both when the feedback does not exist and when the viewer may not see
 * it: a 404 must not tell which. `caseVisible` is the cases context's rule for one case, so that
 * whoever may read a case may read the feedback behind it, and an agent no more than that.
 */
export async function getFeedback(
  store: EventStore,
  feedbackId: string,
  viewer: Actor,
  scope: Scope,
  caseVisible: (found: ActiveCase) => boolean,
): Promise<FeedbackDetails | null> {
  if (!isUuid(feedbackId)) return null;
  const events = await store.readStream(feedbackStreamId(feedbackId));
  if (events.length === 0) return null;
  const state = events.reduce(
    (s, e) => feedbackDecider.evolve(s, { type: e.type, data: e.data } as FeedbackEvent),
    feedbackDecider.initialState(),
  );
  if (state.status !== 'received') return null;
  const { received } = state;
  // Until the link is recorded, a case opened for this feedback carries the feedback's own id.
  const caseId = state.caseId ?? caseIdForFeedback(feedbackId);
  const found = await caseOf(store, caseId);
  const facts = {
    customerId: received.customer.id ?? null,
    storeId: received.storeId,
    submittedBy: events[0].actor,
    caseVisible: found.status !== 'none' && caseVisible(found),
  };
  if (!mayReadFeedback(viewer, scope, facts)) return null;
  return {
    feedbackId,
    kind: received.kind,
    channel: received.channel,
    storeId: received.storeId,
    customer: {
      id: received.customer.id ?? null,
      name: received.personal.name ?? null,
      email: received.personal.email ?? null,
      phone: received.personal.phone ?? null,
      consent: received.customer.consent,
    },
    category: received.category,
    rating: received.rating,
    nps: received.nps,
    factors: received.factors,
    text: received.personal.text ?? null,
    language: received.language,
    occurredAt: received.occurredAt,
    receivedAt: received.receivedAt,
    source: received.source,
    triage: state.triage ? withoutId(state.triage) : null,
    case: found.status === 'none' ? null : { caseId, status: found.status },
  };
}
