import { handleCommand } from '@heard/event-store';
import { FixedClock, InMemoryEventStore } from '@heard/event-store/testing';
import { Actor, DomainError } from '@heard/kernel';
import { feedbackDecider, feedbackStreamId } from '../../domain/feedback.decider';
import { feedbackIdFor } from '../feedback-id';
import { FeedbackSubmission } from '../feedback-submission';
import { toReceiveFeedback } from './receive-feedback.command';
import { receiveFeedback } from './receive-feedback.handler';

const integration: Actor = { id: 'pos-bridge', role: 'integration' };
const customer: Actor = { id: 'C-7', role: 'customer' };
const review: FeedbackSubmission = {
  kind: 'review',
  channel: 'app',
  storeId: 'S-042',
  customer: { id: 'C-7', email: 'olga@example.com', consent: true },
  rating: 2,
  text: 'Хлеб черствый 🍞',
  language: 'ru',
};

describe('receiveFeedback', () => {
  let store: InMemoryEventStore;
  let clock: FixedClock;
  const deps = () => ({ store, clock });
  const received = async (feedbackId: string) =>
    (await store.readStream(feedbackStreamId(feedbackId))).filter(
      (e) => e.type === 'FeedbackReceived',
    );

  beforeEach(() => {
    clock = new FixedClock(new Date('2026-11-20T10:00:00.000Z'));
    store = new InMemoryEventStore(clock);
  });

  it('records the submission with its triage, personal data grouped, the caller as actor', async () => {
    const outcome = await receiveFeedback(deps(), review, integration, { correlationId: 'req-1' });
    expect(outcome.status).toBe('accepted');
    const events = await store.readStream(feedbackStreamId(outcome.feedbackId));
    expect(events.map((e) => e.type)).toEqual(['FeedbackReceived', 'FeedbackTriaged']);
    expect(events[0]).toMatchObject({ actor: 'pos-bridge', correlationId: 'req-1' });
    expect(events[0].data).toMatchObject({
      customer: { id: 'C-7', consent: true },
      personal: { email: 'olga@example.com', text: 'Хлеб черствый 🍞' },
      occurredAt: '2026-11-20T10:00:00.000Z',
      factors: [],
      source: null,
    });
  });

  it('answers the same Idempotency-Key with the same id and writes nothing new, even when racing', async () => {
    const key = { key: 'attempt-1' };
    const [a, b] = await Promise.all([
      receiveFeedback(deps(), review, integration, { idempotencyKey: key }),
      receiveFeedback(deps(), review, integration, { idempotencyKey: key }),
    ]);
    clock.advance(60_000);
    const c = await receiveFeedback(deps(), review, integration, { idempotencyKey: key });
    expect(new Set([a.feedbackId, b.feedbackId, c.feedbackId]).size).toBe(1);
    expect([a.status, b.status].sort()).toEqual(['accepted', 'duplicate']);
    expect(c.status).toBe('duplicate');
    expect(await received(a.feedbackId)).toHaveLength(1);
  });

  it('refuses an Idempotency-Key reused with a different body (422)', async () => {
    const key = { key: 'attempt-1' };
    await receiveFeedback(deps(), review, integration, { idempotencyKey: key });
    const error = await receiveFeedback(deps(), { ...review, rating: 3 }, integration, {
      idempotencyKey: key,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({
      code: 'feedback.idempotency_key_reused',
      kind: 'invalid',
      message: 'Idempotency-Key reused with a different request',
    });
  });

  it('scopes a key by the caller', async () => {
    const key = { idempotencyKey: { key: 'same' } };
    const a = await receiveFeedback(deps(), review, integration, key);
    const b = await receiveFeedback(deps(), review, { id: 'crm', role: 'integration' }, key);
    expect(b).toMatchObject({ status: 'accepted' });
    expect(b.feedbackId).not.toBe(a.feedbackId);
  });

  it('dedups a source pair within its integration, and refuses it there for other content', async () => {
    const sourced = { ...review, source: { system: 'pos', externalId: 'r-9' } };
    const a = await receiveFeedback(deps(), sourced, integration);
    const b = await receiveFeedback(deps(), sourced, integration);
    expect(b).toEqual({ feedbackId: a.feedbackId, status: 'duplicate' });
    await expect(
      receiveFeedback(deps(), { ...sourced, text: 'other' }, integration),
    ).rejects.toMatchObject({ code: 'feedback.source_reused', field: 'source.externalId' });
  });

  it("keeps another integration's pair apart, whatever content it sends", async () => {
    const sourced = { ...review, source: { system: 'pos', externalId: 'r-9' } };
    const a = await receiveFeedback(deps(), sourced, integration);
    const crm: Actor = { id: 'crm', role: 'integration' };
    const other = { ...sourced, text: 'other' };
    const first = await receiveFeedback(deps(), other, crm);
    expect(first.status).toBe('accepted');
    expect(first.feedbackId).not.toBe(a.feedbackId);
    expect(await receiveFeedback(deps(), other, crm)).toEqual({ ...first, status: 'duplicate' });
    const admin: Actor = { id: 'admin-1', role: 'cx_admin' };
    const imported = await receiveFeedback(deps(), sourced, admin);
    expect(imported.status).toBe('accepted');
    expect(await receiveFeedback(deps(), sourced, { id: 'admin-2', role: 'cx_admin' })).toEqual({
      feedbackId: imported.feedbackId,
      status: 'duplicate',
    });
  });

  it.each<Actor['role']>(['customer', 'agent', 'store_manager', 'regional_manager'])(
    'refuses source from the %s role (403) before reading anything',
    async (role) => {
      const sourced = { ...review, source: { system: 'pos', externalId: 'r-1' } };
      await expect(receiveFeedback(deps(), sourced, { id: 'M-1', role })).rejects.toMatchObject({
        code: 'feedback.source_not_allowed',
        kind: 'forbidden',
        field: 'source',
      });
      expect(await store.readAll()).toEqual([]);
    },
  );

  it('still finds its own pair stored before pairs were namespaced, and ignores a squatted one', async () => {
    const legacy = async (externalId: string, actor: string) => {
      const feedbackId = feedbackIdFor({ kind: 'source', system: 'pos', externalId });
      const command = toReceiveFeedback(
        { ...review, source: { system: 'pos', externalId } },
        feedbackId,
        integration,
        clock.now(),
      );
      await handleCommand(store, feedbackStreamId(feedbackId), feedbackDecider, command, {
        envelope: () => ({ actor }),
      });
      return feedbackId;
    };
    const own = await legacy('r-old', 'pos-bridge');
    const squatted = await legacy('r-claimed', 'M-42');
    const retry = { ...review, source: { system: 'pos', externalId: 'r-old' } };
    expect(await receiveFeedback(deps(), retry, integration)).toEqual({
      feedbackId: own,
      status: 'duplicate',
    });
    const real = { ...review, source: { system: 'pos', externalId: 'r-claimed' } };
    const answer = await receiveFeedback(deps(), real, integration);
    expect(answer.status).toBe('accepted');
    expect(answer.feedbackId).not.toBe(squatted);
  });

  it('lets a customer submit only as itself', async () => {
    const own = await receiveFeedback(deps(), { ...review, customer: { consent: true } }, customer);
    expect((await received(own.feedbackId))[0].data).toMatchObject({ customer: { id: 'C-7' } });
    await expect(
      receiveFeedback(deps(), { ...review, customer: { id: 'C-8', consent: true } }, customer),
    ).rejects.toMatchObject({ kind: 'forbidden', field: 'customer.id' });
  });

  it('refuses a time of occurrence in the future, naming the field', async () => {
    await expect(
      receiveFeedback(deps(), { ...review, occurredAt: '2026-11-20T11:00:00Z' }, integration),
    ).rejects.toMatchObject({ kind: 'invalid', field: 'occurredAt' });
    expect(await store.readAll()).toEqual([]);
  });
});
