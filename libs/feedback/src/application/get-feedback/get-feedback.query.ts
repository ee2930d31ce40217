import { caseDecider, caseIdForFeedback, CaseEvent, caseStreamId } from '@heard/cases';
import { EventStore, isUuid } from '@heard/event-store';
import { Actor, Scope } from '@heard/kernel';
import { feedbackDecider, feedbackStreamId } from '../../domain/feedback.decider';
import { FeedbackEvent, FeedbackTriaged } from '../../domain/feedback.events';
import { FeedbackDetails } from './feedback-details';
import { mayReadFeedback } from './feedback-visibility';

const withoutId = ({ feedbackId: _id, ...rest }: FeedbackTriaged['data']) => rest;

async function caseStatus(store: EventStore, caseId: string): Promise<string | null> {
  const events = await store.readStream(caseStreamId(caseId));
  const state = events.reduce(
    (s, e) => caseDecider.evolve(s, { type: e.type, data: e.data } as CaseEvent),
    caseDecider.initialState(),
  );
  return state.status === 'none' ? null : state.status;
}

/**
 * Read from the event store, not a read model, so that the Location answered on intake can be
 * followed at once. Null both when the feedback does not exist and when the viewer may not see
 * it: a 404 must not tell which.
 */
export async function getFeedback(
  store: EventStore,
  feedbackId: string,
  viewer: Actor,
  scope: Scope,
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
  const facts = {
    customerId: received.customer.id ?? null,
    storeId: received.storeId,
    submittedBy: events[0].actor,
  };
  if (!mayReadFeedback(viewer, scope, facts)) return null;
  // Until the link is recorded, a case opened for this feedback carries the feedback's own id.
  const caseId = state.caseId ?? caseIdForFeedback(feedbackId);
  const status = await caseStatus(store, caseId);
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
    case: status === null ? null : { caseId, status },
  };
}
