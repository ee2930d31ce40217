import { Actor } from '@heard/kernel';
import { FeedbackSubmission } from './feedback-submission';
import { submissionProblems } from './submission-problems';

const now = new Date('2026-11-20T10:00:00.000Z');
const agent: Actor = { id: 'a-1', role: 'agent' };
const at = (occurredAt?: string): FeedbackSubmission => ({
  kind: 'complaint',
  channel: 'web',
  customer: { consent: false },
  occurredAt,
});

describe('submissionProblems', () => {
  it.each([
    [undefined],
    ['2026-11-20T10:05:00.000Z'],
    ['2026-11-20T12:04:00+02:00'],
    ['2020-01-01T00:00:00Z'],
  ])('accepts occurredAt %s', (occurredAt) => {
    expect(submissionProblems(at(occurredAt), agent, now)).toEqual([]);
  });

  it.each([
    ['2026-11-20T10:05:00.001Z', 'notInFuture'],
    ['2026-11-20T13:00:00+02:00', 'notInFuture'],
    ['yesterday', 'isIso8601'],
  ])('refuses occurredAt %s by rule %s', (occurredAt, rule) => {
    expect(submissionProblems(at(occurredAt), agent, now)).toEqual([
      expect.objectContaining({ field: 'occurredAt', rule }),
    ]);
  });

  it('accepts anonymous feedback only without consent; a customer caller is never anonymous', () => {
    const anonymous = { ...at(), customer: { consent: true } };
    expect(submissionProblems(anonymous, agent, now)).toEqual([
      expect.objectContaining({ field: 'customer.consent', rule: 'consentNeedsContact' }),
    ]);
    expect(submissionProblems(anonymous, { id: 'C-1', role: 'customer' }, now)).toEqual([]);
    const withPhone = { ...at(), customer: { phone: '+380 44 000 00 00', consent: true } };
    expect(submissionProblems(withPhone, agent, now)).toEqual([]);
  });
});
