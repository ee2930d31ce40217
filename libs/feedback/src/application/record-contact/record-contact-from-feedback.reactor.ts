import { changePreferences, customerStreamId } from '@heard/customers';
import { EventStore, RecordedEvent, uuidV8FromName } from '@heard/event-store';
import { Reactor } from '@heard/projections';
import { FeedbackReceived } from '../../domain/feedback.events';

export const CONTACT_FROM_FEEDBACK = 'customer-contact-from-feedback';

const E164 = /^\+[1-9][0-9]{7,14}$/;

/** Intake takes a phone as written ("+380 44 123 45 67"); sms needs E.164 or nothing. */
export function smsNumberOf(phone: string | undefined): string | null {
  const digits = phone?.replace(/[ ().-]/g, '');
  return digits !== undefined && E164.test(digits) ? digits : null;
}

/**
 * Contact details and consent given with a submission become the customer's preferences too.
 * It lives here, not in customers: feedback depends on customers (for sealing), never the
 * reverse. Only a known customer has preferences; anonymous contact details stay with their
 * feedback.
 */
export function recordContactFromFeedbackReactor(deps: { readonly store: EventStore }): Reactor {
  return {
    name: CONTACT_FROM_FEEDBACK,
    canHandle: (type) => type === 'FeedbackReceived',
    // One customer's submissions in order; different customers side by side.
    partitionOf: async (event) => {
      const { customer } = event.data as FeedbackReceived['data'];
      return customer.id !== undefined ? customerStreamId(customer.id) : event.streamId;
    },
    async handle(event: RecordedEvent): Promise<void> {
      const { feedbackId, customer, personal, receivedAt } = event.data as FeedbackReceived['data'];
      // Without consent nothing is recorded: the details were given for that feedback only.
      if (customer.id === undefined || !customer.consent || personal.redacted) return;
      const phone = smsNumberOf(personal.phone);
      await changePreferences(
        deps.store,
        {
          type: 'RecordContactGiven',
          customerId: customer.id,
          ...(personal.email === undefined ? {} : { email: personal.email }),
          ...(phone === null ? {} : { phone }),
          consent: true,
          how: `feedback:${feedbackId}`,
          by: event.actor ?? customer.id,
          at: receivedAt,
        },
        {
          actor: event.actor ?? undefined,
          eventId: (i) => uuidV8FromName(`contact-${event.eventId}-${i}`),
        },
      );
    },
  };
}
