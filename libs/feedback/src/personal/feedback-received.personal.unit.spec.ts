import { REDACTED } from '@heard/customers';
import { personalDataStore } from '@heard/customers/testing';
import { FixedClock } from '@heard/event-store/testing';
import { Actor } from '@heard/kernel';
import { feedbackStreamId } from '../domain/feedback.decider';
import { FeedbackReceived } from '../domain/feedback.events';
import { receiveFeedback } from '../application/receive-feedback/receive-feedback.handler';
import { feedbackReceivedPersonal } from './feedback-received.personal';

const integration: Actor = { id: 'pos', role: 'integration' };
const base = { kind: 'complaint', channel: 'app', storeId: 'S-1', language: 'en' } as const;

describe('FeedbackReceived personal fields', () => {
  const setup = () =>
    personalDataStore([feedbackReceivedPersonal], new FixedClock(new Date('2026-11-20T10:00:00Z')));

  it('seals name, e-mail, phone and text under the customer key; triage still saw the words', async () => {
    const { raw, store } = setup();
    const { feedbackId } = await receiveFeedback(
      { store, clock: new FixedClock(new Date('2026-11-20T10:00:00Z')) },
      {
        ...base,
        customer: { id: 'C-1', name: 'Olga', email: 'olga@example.com', consent: true },
        text: 'I think I got food poisoning',
      },
      integration,
    );
    const [stored, triaged] = await raw.readStream(feedbackStreamId(feedbackId));
    expect(stored.schemaVersion).toBe(2);
    expect(JSON.stringify(stored.data)).not.toMatch(/Olga|olga@|poisoning/);
    expect(triaged.data).toMatchObject({ category: 'food_safety' });
    const [opened] = await store.readStream(feedbackStreamId(feedbackId));
    expect((opened.data as FeedbackReceived['data']).personal).toEqual({
      name: 'Olga',
      email: 'olga@example.com',
      text: 'I think I got food poisoning',
    });
  });

  it('answers a retry as a duplicate: the stored, sealed content is compared opened', async () => {
    const { store, clock } = setup();
    const submission = { ...base, customer: { id: 'C-1', consent: true }, text: 'cold soup' };
    const key = { idempotencyKey: { key: 'k-1' } };
    const first = await receiveFeedback({ store, clock }, submission, integration, key);
    const again = await receiveFeedback({ store, clock }, submission, integration, key);
    expect(again).toEqual({ ...first, status: 'duplicate' });
  });

  it('keys anonymous contact details by the feedback, and redacts once that key is gone', async () => {
    const { store, personal, clock } = setup();
    const anonymous = { ...base, customer: { email: 'anon@example.com', consent: true } };
    const { feedbackId } = await receiveFeedback({ store, clock }, anonymous, integration);
    expect(await personal.forget(`feedback:${feedbackId}`)).toBe(1);
    const [opened] = await store.readStream(feedbackStreamId(feedbackId));
    expect((opened.data as FeedbackReceived['data']).personal).toEqual({
      text: REDACTED,
      redacted: true,
    });
  });

  it('leaves feedback with nothing personal unsealed, needing no key', async () => {
    const { raw, store, keys, clock } = setup();
    const { feedbackId } = await receiveFeedback(
      { store, clock },
      { ...base, customer: { consent: false } },
      integration,
    );
    expect((await raw.readStream(feedbackStreamId(feedbackId)))[0].data).toMatchObject({
      personal: {},
    });
    expect(keys.rows.size).toBe(0);
  });
});
