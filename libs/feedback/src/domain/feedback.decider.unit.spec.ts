import { deciderSpec } from '@heard/event-store/testing';
import { ReceiveFeedback } from './feedback.commands';
import { feedbackDecider } from './feedback.decider';
import { FeedbackReceived } from './feedback.events';

const receive: ReceiveFeedback = {
  type: 'ReceiveFeedback',
  feedbackId: 'f-1',
  kind: 'complaint',
  channel: 'store',
  storeId: 'S-042',
  customer: { id: 'c-1', consent: true },
  personal: { text: 'Очередь на кассе 20 минут' },
  category: null,
  rating: null,
  nps: null,
  factors: [],
  language: 'ru',
  occurredAt: '2026-11-20T10:00:00.000Z',
  receivedAt: '2026-11-20T10:00:01.000Z',
  source: { system: 'pos', externalId: 'r-9' },
};
const { type: _type, ...receivedData } = receive;
const received: FeedbackReceived = { type: 'FeedbackReceived', data: receivedData };
const spec = deciderSpec(feedbackDecider);

describe('feedback decider', () => {
  it('records new feedback and its triage together', () => {
    spec
      .given([])
      .when(receive)
      .thenEmits([
        received,
        {
          type: 'FeedbackTriaged',
          data: expect.objectContaining({ feedbackId: 'f-1', category: 'queue', needsCase: true }),
        },
      ]);
  });

  it('records the same feedback only once', () => {
    spec.given([received]).when(receive).then([]);
  });

  it('links to a case once, and refuses a link for feedback that does not exist', () => {
    const link = {
      type: 'LinkFeedbackToCase',
      caseId: 'f-1',
      merged: false,
      at: receive.receivedAt,
    } as const;
    spec
      .given([received])
      .when(link)
      .thenEmits([{ type: 'FeedbackLinkedToCase', data: { caseId: 'f-1' } }]);
    spec
      .given([
        received,
        {
          type: 'FeedbackLinkedToCase',
          data: { feedbackId: 'f-1', caseId: 'f-1', merged: false, at: receive.receivedAt },
        },
      ])
      .when(link)
      .then([]);
    spec.given([]).when(link).thenThrows('feedback.not_found');
  });
});
