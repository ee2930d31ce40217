import { caseStreamId } from '@heard/cases';
import { caseOpened } from '@heard/cases/testing';
import { FixedClock, InMemoryEventStore } from '@heard/event-store/testing';
import { Actor, Scope } from '@heard/kernel';
import { receiveFeedback } from '../receive-feedback/receive-feedback.handler';
import { getFeedback } from './get-feedback.query';

const admin: Actor = { id: 'a-1', role: 'cx_admin' };
const everything: Scope = { kind: 'everything' };
const all = () => true;

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
    expect(await getFeedback(store, feedbackId, admin, everything, all)).toMatchObject({
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
    expect(await getFeedback(store, feedbackId, admin, everything, all)).toMatchObject({
      case: { caseId: feedbackId, status: 'open' },
    });
  });

  it('answers null for unknown ids, ids that are not UUIDs and viewers outside its scope', async () => {
    const other: Scope = { kind: 'customer', customerId: 'C-2' };
    expect(
      await getFeedback(store, feedbackId, { id: 'C-2', role: 'customer' }, other, all),
    ).toBeNull();
    expect(
      await getFeedback(store, '0193e7a0-0000-7000-8000-000000000000', admin, everything, all),
    ).toBeNull();
    expect(await getFeedback(store, 'feedback-../../x', admin, everything, all)).toBeNull();
    const own: Scope = { kind: 'customer', customerId: 'C-1' };
    expect(
      await getFeedback(store, feedbackId, { id: 'C-1', role: 'customer' }, own, all),
    ).not.toBeNull();
  });

  it("answers an agent only when the cases' rule lets it see the feedback's case", async () => {
    const agent: Actor = { id: 'A-1', role: 'agent' };
    const scope: Scope = {
      kind: 'staff',
      personId: 'A-1',
      storeIds: [],
      regionIds: [],
      teamIds: ['T-cx'],
    };
    const seen: string[] = [];
    const inTeam = (found: { teamId: string | null; caseId: string }) => {
      seen.push(found.caseId);
      return found.teamId === 'T-cx';
    };
    expect(await getFeedback(store, feedbackId, agent, scope, inTeam)).toBeNull();
    expect(seen).toEqual([]);
    await store.append(
      caseStreamId(feedbackId),
      [caseOpened({ caseId: feedbackId, storeId: 'S-1' })],
      { expectedVersion: 'no_stream' },
    );
    await store.append(
      caseStreamId(feedbackId),
      [
        {
          type: 'CaseAssigned',
          data: {
            caseId: feedbackId,
            ownerId: 'A-2',
            teamId: 'T-cx',
            assignedBy: { kind: 'rule', ruleId: 'r-1', rulesVersion: 1 },
            reason: 'team T-cx',
            at: '2026-11-20T10:00:02.000Z',
          },
        },
      ],
      { expectedVersion: 1 },
    );
    expect(await getFeedback(store, feedbackId, agent, scope, inTeam)).toMatchObject({
      feedbackId,
      case: { caseId: feedbackId, status: 'open' },
    });
    expect(seen).toEqual([feedbackId]);
  });
});
