import { caseStreamId } from '@heard/cases';
import { FixedClock, InMemoryEventStore } from '@heard/event-store/testing';
import { Actor, Scope } from '@heard/kernel';
import { receiveFeedback } from '../receive-feedback/receive-feedback.handler';
import { getFeedback } from './get-feedback.query';

const admin: Actor = { id: 'a-1', role: 'cx_admin' };
const everything: Scope = { kind: 'everything' };

describe('getFeedback', () => {
  const clock = new FixedClock(new Date('2026-11-20T10:00:00.000Z'));
  let store: InMemoryEventStore;
  let feedbackId: string;

  beforeEach(async () => {
    store = new InMemoryEventStore(clock);
    ({ feedbackId } = await receiveFeedback(
      { store, clock },
      {
        kind: 'complaint',
        channel: 'store',
        storeId: 'S-1',
        customer: { id: 'C-1', name: 'Olga', consent: true },
        text: 'Кассир нагрубил 😡',
      },
      { id: 'pos', role: 'integration' },
    ));
  });

  it('answers the feedback with its triage at once, before any read model has it', async () => {
    expect(await getFeedback(store, feedbackId, admin, everything)).toMatchObject({
      feedbackId,
      customer: { id: 'C-1', name: 'Olga', email: null, consent: true },
      text: 'Кассир нагрубил 😡',
      triage: { sentiment: 'negative', category: 'staff', severity: 'high', needsCase: true },
      case: null,
    });
  });

  it('follows the case opened for it and its status', async () => {
    await store.append(
      caseStreamId(feedbackId),
      [
        {
          type: 'CaseOpened',
          data: {
            caseId: feedbackId,
            feedbackIds: [feedbackId],
            storeId: 'S-1',
            regionId: null,
            category: 'staff',
            priority: 'high',
            customerId: 'C-1',
            channel: 'store',
            kind: 'complaint',
            sla: { targetHours: 72, dueAt: '2026-11-23T10:00:00.000Z' },
            at: '2026-11-20T10:00:01.000Z',
          },
        },
      ],
      { expectedVersion: 'no_stream' },
    );
    expect(await getFeedback(store, feedbackId, admin, everything)).toMatchObject({
      case: { caseId: feedbackId, status: 'open' },
    });
  });

  it('answers null for unknown ids, ids that are not UUIDs and viewers outside its scope', async () => {
    const other: Scope = { kind: 'customer', customerId: 'C-2' };
    expect(await getFeedback(store, feedbackId, { id: 'C-2', role: 'customer' }, other)).toBeNull();
    expect(
      await getFeedback(store, '0193e7a0-0000-7000-8000-000000000000', admin, everything),
    ).toBeNull();
    expect(await getFeedback(store, 'feedback-../../x', admin, everything)).toBeNull();
    const own: Scope = { kind: 'customer', customerId: 'C-1' };
    expect(
      await getFeedback(store, feedbackId, { id: 'C-1', role: 'customer' }, own),
    ).not.toBeNull();
  });
});
