import { putPerson, putRegion, putStore } from '@heard/directory';
import {
  putPersonCommand,
  putRegionCommand,
  putStoreCommand,
  seedDirectory,
} from '@heard/directory/testing';
import { handleCommand, RecordedEvent } from '@heard/event-store';
import { ensureTables, ProjectionCheckpointEntity } from '@heard/projections';
import { caseDecider, caseStreamId } from '../../domain/case.decider';
import { CaseReactorHarness, complaint } from '../../testing/case-reactor-harness';
import { followStoreChangesReactor } from './follow-store-changes.reactor';

describe('cases following their store', () => {
  let h: CaseReactorHarness;
  const agent = { id: 'A-1', role: 'agent' } as const;

  const caseViewAt = async (position: bigint) => {
    await h.dataSource
      .getRepository(ProjectionCheckpointEntity)
      .save({ name: 'case-view', position: position.toString(), updatedAt: new Date() });
  };
  const lastStoreEvent = async (): Promise<RecordedEvent> =>
    (await h.store.readStream('store-S-042')).at(-1) as RecordedEvent;
  const typesOf = async (caseId: string) => (await h.caseEvents(caseId)).map((e) => e.type);

  beforeEach(async () => {
    h = await CaseReactorHarness.start();
    await ensureTables(h.dataSource, [ProjectionCheckpointEntity]);
    await seedDirectory(h.store);
    await putPerson(h.store, putPersonCommand({ personId: 'M-1' }));
    await putRegion(h.store, putRegionCommand({ regionId: 'R-S', leadId: 'RM-1' }));
    await putStore(h.store, putStoreCommand());
    await h.receive(complaint('f-open', { customer: { id: 'C-1', consent: true } }));
    await h.receive(complaint('f-closed', { customer: { id: 'C-2', consent: true } }));
    await h.settle();
    const closing = [
      {
        type: 'ResolveCase',
        by: agent,
        at: '2026-11-20T11:00:00.000Z',
        code: 'x',
        summary: 'x',
        customerMessage: 'x',
      },
      { type: 'CloseCase', by: agent, at: '2026-11-20T11:00:00.000Z' },
    ] as const;
    for (const command of closing) {
      await handleCommand(h.store, caseStreamId('f-closed'), caseDecider, command);
    }
    await h.project();
  });
  afterEach(() => h.stop());

  it('moves open cases to the new region and manager once, and leaves closed ones', async () => {
    await putStore(h.store, putStoreCommand({ regionId: 'R-S', managerId: 'M-1' }));
    const change = await lastStoreEvent();
    const reactor = followStoreChangesReactor(h);

    await caseViewAt(change.globalPosition - 1n);
    await expect(reactor.handle(change)).rejects.toThrow(/case-view is at .* not yet at/);
    expect(await typesOf('f-open')).toEqual(['CaseOpened', 'CaseAssigned']);

    await caseViewAt(change.globalPosition);
    await reactor.handle(change);
    await reactor.handle(change);
    const moved = (await h.caseEvents('f-open')).slice(2);
    expect(moved.map((e) => [e.type, e.data])).toEqual([
      [
        'CaseRegionChanged',
        expect.objectContaining({
          from: 'R-N',
          to: 'R-S',
          reason: 'store S-042 moved from region R-N to region R-S',
        }),
      ],
      [
        'CaseAssigned',
        expect.objectContaining({
          ownerId: 'M-1',
          assignedBy: { kind: 'directory', storeId: 'S-042' },
          reason: "store S-042's manager changed from M-42 to M-1",
        }),
      ],
    ]);
    expect(moved.every((e) => e.causationId === change.eventId)).toBe(true);
    expect(await typesOf('f-closed')).not.toContain('CaseRegionChanged');
    expect((await h.caseEvents('f-closed')).filter((e) => e.type === 'CaseAssigned')).toHaveLength(
      1,
    );
  });

  it('does nothing when only the name changes', async () => {
    await putStore(h.store, putStoreCommand({ name: 'Harbour Street Market' }));
    const change = await lastStoreEvent();
    await followStoreChangesReactor(h).handle(change);
    expect(await typesOf('f-open')).toEqual(['CaseOpened', 'CaseAssigned']);
  });

  it('moves a case that was opened with the store as it was before a change', async () => {
    const reactor = followStoreChangesReactor(h);
    const openedOf = async (caseId: string) => (await h.caseEvents(caseId))[0];
    await reactor.handle(await openedOf('f-open'));
    expect(await typesOf('f-open')).toEqual(['CaseOpened', 'CaseAssigned']);

    // The case opener routed f-open on version 1; the store changed before the follower got to
    // the change itself, which finds no case in case_view (its checkpoint says it is caught up).
    await putStore(h.store, putStoreCommand({ regionId: 'R-S', managerId: 'M-1' }));
    await reactor.handle(await openedOf('f-open'));
    await reactor.handle(await openedOf('f-open'));
    const moved = (await h.caseEvents('f-open')).slice(2);
    expect(moved.map((e) => [e.type, e.data])).toEqual([
      ['CaseRegionChanged', expect.objectContaining({ from: 'R-N', to: 'R-S' })],
      ['CaseAssigned', expect.objectContaining({ ownerId: 'M-1' })],
    ]);
    expect((await openedOf('f-closed')).data).toMatchObject({ storeVersion: 1 });
    await reactor.handle(await openedOf('f-closed'));
    expect(await typesOf('f-closed')).not.toContain('CaseRegionChanged');
  });
});
