import { CaseEvent, CaseResolved, caseDecider } from '@heard/cases';
import { EventStore, handleCommand, RecordedEvent, uuidV8FromName } from '@heard/event-store';
import { DomainError } from '@heard/kernel';
import { Reactor } from '@heard/projections';
import { improvementDecider } from '../../domain/improvement.decider';
import { improvementStreamId } from '../../improvement.events';

export const LINK_RESOLVED_CASE_REACTOR = 'loop-link-resolved-case';

/** The case's feedback and customer as they stood when it was resolved. */
async function caseAt(store: EventStore, event: RecordedEvent) {
  const history = await store.readStream(event.streamId);
  return history
    .filter((e) => e.streamVersion <= event.streamVersion)
    .reduce(
      (s, e) => caseDecider.evolve(s, { type: e.type, data: e.data } as CaseEvent),
      caseDecider.initialState(),
    );
}

/**
 * A resolution that names an improvement links the case's feedback to it, as the person who
 * resolved it. Event ids derive from the CaseResolved event, so a redelivery appends nothing; an
 * improvement cancelled (or gone) since the API checked it is left alone: the case stays resolved.
 */
export function linkResolvedCaseReactor(deps: { readonly store: EventStore }): Reactor {
  return {
    name: LINK_RESOLVED_CASE_REACTOR,
    canHandle: (type) => type === 'CaseResolved',
    partitionOf: async (event) => {
      const named = (event.data as CaseResolved['data']).improvementId;
      return named === undefined ? event.streamId : improvementStreamId(named);
    },
    async handle(event) {
      const { improvementId, by, at } = event.data as CaseResolved['data'];
      if (improvementId === undefined) return;
      const state = await caseAt(deps.store, event);
      if (state.status === 'none') return;
      try {
        await handleCommand(
          deps.store,
          improvementStreamId(improvementId),
          improvementDecider,
          {
            type: 'LinkFeedback',
            feedback: state.feedbackIds.map((feedbackId) => ({
              feedbackId,
              customerId: state.customerId,
            })),
            caseId: state.caseId,
            by: by.id,
            at,
          },
          {
            envelope: (_e, i) => ({
              eventId: uuidV8FromName(`loop|link-resolved-case|${event.eventId}|${i}`),
              causationId: event.eventId,
              correlationId: event.correlationId ?? event.eventId,
              actor: by.id,
            }),
          },
        );
      } catch (error) {
        if (
          error instanceof DomainError &&
          (error.code === 'improvement.cancelled' || error.code === 'improvement.not_found')
        )
          return;
        throw error;
      }
    },
  };
}
