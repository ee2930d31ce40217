import { putStore } from '@heard/directory';
import { putStoreCommand, seedDirectory } from '@heard/directory/testing';
import { handleCommand } from '@heard/event-store';
import { caseDecider, caseStreamId } from '../../domain/case.decider';
import { CaseReactorHarness, complaint, T0 } from '../../testing/case-reactor-harness';
import { CaseView } from './case-view.entity';
import { caseViewProjection } from './case-view.projection';

describe('case_view projection', () => {
  let h: CaseReactorHarness;
  const agent = { id: 'A-1', role: 'agent' } as const;
  const rows = () => h.dataSource.getRepository(CaseView).find({ order: { caseId: 'ASC' } });

  beforeEach(async () => {
    h = await CaseReactorHarness.start();
    await seedDirectory(h.store);
    await putStore(h.store, putStoreCommand());
    await h.receive(complaint('f-1'));
    await h.receive(complaint('f-2'));
    await h.settle();
    const at = '2026-11-20T12:00:00.000Z';
    await handleCommand(h.store, caseStreamId('f-1'), caseDecider, {
      type: 'AcknowledgeCase',
      by: agent,
      at,
    });
    await handleCommand(h.store, caseStreamId('f-1'), caseDecider, {
      type: 'AwaitCustomer',
      by: agent,
      at,
      reason: 'which till?',
    });
    await h.settle();
  });
  afterEach(() => h.stop());

  it('keeps one row per case with the fields of the list', async () => {
    expect(await rows()).toEqual([
      {
        caseId: 'f-1',
        status: 'awaiting_customer',
        storeId: 'S-042',
        regionId: 'R-N',
        category: 'queue',
        priority: 'normal',
        ownerId: 'M-42',
        teamId: null,
        customerId: 'C-1',
        feedbackIds: '["f-1","f-2"]',
        openedAt: new Date(T0),
        dueAt: new Date('2026-11-23T10:00:00.000Z'),
        acknowledgedAt: new Date('2026-11-20T12:00:00.000Z'),
        pausedAt: new Date('2026-11-20T12:00:00.000Z'),
        resolvedAt: null,
        targetHours: 72,
        escalationLevel: 0,
        escalatedTo: '[]',
        version: 5,
        updatedAt: new Date(T0),
      },
    ]);
  });

  it('leaves rows unchanged when the whole log is applied again', async () => {
    const before = await rows();
    for (const event of await h.log()) {
      if (caseViewProjection.canHandle(event.type)) {
        await caseViewProjection.apply(event, h.dataSource.manager);
      }
    }
    expect(await rows()).toEqual(before);
  });
});
