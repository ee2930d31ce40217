import { FeedbackReceived } from './feedback.events';
import { sameFeedbackContent } from './feedback.same-content';

const stored: FeedbackReceived['data'] = {
  feedbackId: 'f-1',
  kind: 'review',
  channel: 'app',
  storeId: 'S-1',
  customer: { id: 'c-1', consent: true },
  personal: { text: 'Хлеб черствый 🍞' },
  category: null,
  rating: 2,
  nps: null,
  factors: [{ factor: 'bread', score: 3 }],
  language: 'ru',
  occurredAt: '2026-11-20T10:00:00.000Z',
  receivedAt: '2026-11-20T10:00:01.000Z',
  source: null,
};
const compare = { compareOccurredAt: true };

describe('sameFeedbackContent', () => {
  it('ignores the id and receipt time the server chose', () => {
    expect(
      sameFeedbackContent(stored, { ...stored, feedbackId: 'f-2', receivedAt: 'later' }, compare),
    ).toBe(true);
  });

  it('sees a changed field, a changed word of text and a changed factor', () => {
    expect(sameFeedbackContent(stored, { ...stored, rating: 3 }, compare)).toBe(false);
    expect(sameFeedbackContent(stored, { ...stored, personal: { text: 'Хлеб' } }, compare)).toBe(
      false,
    );
    expect(
      sameFeedbackContent(stored, { ...stored, factors: [{ factor: 'bread', score: 4 }] }, compare),
    ).toBe(false);
  });

  it('compares occurredAt only when the caller gave it', () => {
    const later = { ...stored, occurredAt: '2026-11-20T11:00:00.000Z' };
    expect(sameFeedbackContent(stored, later, compare)).toBe(false);
    expect(sameFeedbackContent(stored, later, { compareOccurredAt: false })).toBe(true);
  });
});
