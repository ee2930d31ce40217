import { handleCommand } from '@heard/event-store';
import { putStore } from '@heard/directory';
import { putStoreCommand, seedDirectory } from '@heard/directory/testing';
import { feedbackStreamId } from '@heard/feedback';
import { caseDecider, caseStreamId } from '../../domain/case.decider';
import { CaseReactorHarness, complaint, T0 } from '../../testing/case-reactor-harness';

const DAY = 24 * 3600_000;

describe('case opener reactor', () => {
  let h: CaseReactorHarness;

  const receiveAt = async (feedbackId: string, overrides = {}) => {
    const now = h.clock.now().toISOString();
    await h.receive(complaint(feedbackId, { receivedAt: now, occurredAt: now, ...overrides }));
    await h.settle();
  };
  const types = async (caseId: string) => (await h.caseEvents(caseId)).map((e) => e.type);
  const linkOf = async (feedbackId: string) =>
    (await h.store.readStream(feedbackStreamId(feedbackId))).find(
      (e) => e.type === 'FeedbackLinkedToCase',
    )?.data;

  beforeEach(async () => {
    h = await CaseReactorHarness.start();
    await seedDirectory(h.store);
    await putStore(h.store, putStoreCommand());
  });
  afterEach(() => h.stop());

  it('opens a case with a 72-hour target and a priority from severity, routes it, then links the feedback', async () => {
    await receiveAt('f-1');
    const [opened, assigned] = await h.caseEvents('f-1');
    expect(opened).toMatchObject({
      type: 'CaseOpened',
      data: {
        caseId: 'f-1',
        feedbackIds: ['f-1'],
        storeId: 'S-042',
        regionId: 'R-N',
        category: 'queue',
        priority: 'normal',
        customerId: 'C-1',
        sla: { targetHours: 72, dueAt: '2026-11-23T10:00:00.000Z' },
      },
    });
    expect(assigned).toMatchObject({
      type: 'CaseAssigned',
      data: {
        ownerId: 'M-42',
        assignedBy: { kind: 'rule', ruleId: 'builtin', rulesVersion: 0 },
        reason: "store S-042's manager is M-42 (built-in rule: no routing rules are published)",
      },
    });
    expect(assigned.causationId).toBe(opened.causationId);
    expect(await linkOf('f-1')).toEqual({
      feedbackId: 'f-1',
      caseId: 'f-1',
      merged: false,
      at: T0,
    });
  });

  it('acts once when the same events are delivered again', async () => {
    await receiveAt('f-1');
    const before = await h.log();
    for (const event of before) if (h.reactor.canHandle(event.type)) await h.reactor.handle(event);
    expect((await h.log()).length).toBe(before.length);
  });

  it('lets an open case of the same customer, store and category absorb feedback within 7 days', async () => {
    await receiveAt('f-1');
    h.clock.advance(6 * DAY);
    await receiveAt('f-2');
    expect(await types('f-1')).toEqual(['CaseOpened', 'CaseAssigned', 'FeedbackAttached']);
    expect(await types('f-2')).toEqual([]);
    expect(await linkOf('f-2')).toMatchObject({ caseId: 'f-1', merged: true });
  });

  it('absorbs a burst of feedback into the first case however far behind case_view is', async () => {
    await h.receive(complaint('f-1'));
    await h.receive(complaint('f-2'));
    await h.receive(complaint('f-3'));
    await h.settle();
    expect(await types('f-1')).toEqual([
      'CaseOpened',
      'CaseAssigned',
      'FeedbackAttached',
      'FeedbackAttached',
    ]);
  });

  it.each([
    ['after the window', 8 * DAY, {}],
    ['for another category', 0, { category: 'staff' }],
    ['for another store', 0, { storeId: 'S-001' }],
    ['for an anonymous customer', 0, { customer: { consent: false } }],
  ])('opens a new case %s', async (_label, later, overrides) => {
    await receiveAt('f-1');
    h.clock.advance(later);
    await receiveAt('f-2', overrides);
    expect(await types('f-2')).toContain('CaseOpened');
    expect(await linkOf('f-2')).toMatchObject({ caseId: 'f-2', merged: false });
  });

  describe('with the first case resolved', () => {
    const agent = { id: 'A-1', role: 'agent' } as const;
    beforeEach(async () => {
      await receiveAt('f-1');
      const at = h.clock.now().toISOString();
      await handleCommand(h.store, caseStreamId('f-1'), caseDecider, {
        type: 'ResolveCase',
        by: agent,
        at,
        code: 'fixed',
        summary: 'second till opened',
        customerMessage: 'We opened a second till.',
      });
    });

    it('opens a new case', async () => {
      await receiveAt('f-2');
      expect(await linkOf('f-2')).toMatchObject({ caseId: 'f-2', merged: false });
    });

    it('merges into it again once it is reopened', async () => {
      const at = h.clock.now().toISOString();
      await handleCommand(h.store, caseStreamId('f-1'), caseDecider, {
        type: 'ReopenCase',
        by: agent,
        at,
        reason: 'still one till',
      });
      await receiveAt('f-2');
      expect(await linkOf('f-2')).toMatchObject({ caseId: 'f-1', merged: true });
    });
  });

  it.each(['CaseOpened', 'CaseAssigned', 'FeedbackLinkedToCase'])(
    'finishes a decision cut short before %s when the event comes again, without a second case or owner',
    async (lost) => {
      await h.receive(complaint('f-1'));
      h.store.failNext = (_streamId, events) => events.some((e) => e.type === lost);
      await expect(h.settle()).rejects.toThrow('lost the append');
      await h.settle();
      expect(await types('f-1')).toEqual(['CaseOpened', 'CaseAssigned']);
      expect(await linkOf('f-1')).toMatchObject({ caseId: 'f-1', merged: false });
    },
  );

  it('honours a configured merge window', async () => {
    await h.stop();
    h = await CaseReactorHarness.start({ mergeWindowMs: 3600_000 });
    await seedDirectory(h.store);
    await putStore(h.store, putStoreCommand());
    await receiveAt('f-1');
    h.clock.advance(2 * 3600_000);
    await receiveAt('f-2');
    expect(await linkOf('f-2')).toMatchObject({ caseId: 'f-2', merged: false });
  });

  it('does not act on feedback that needs no case', async () => {
    await receiveAt('f-1', { kind: 'praise', category: null, personal: { text: 'lovely' } });
    expect(await types('f-1')).toEqual([]);
    expect(await linkOf('f-1')).toBeUndefined();
  });
});
