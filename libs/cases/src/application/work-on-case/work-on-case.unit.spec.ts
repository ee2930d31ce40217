import { ConcurrencyError } from '@heard/event-store';
import { InMemoryEventStore } from '@heard/event-store/testing';
import { DomainError } from '@heard/kernel';
import { caseStreamId } from '../../domain/case.decider';
import { CaseWork, workOnCase } from './work-on-case';
import { caseOpened, hoursAfterOpening } from '../../testing/case-opened.fixture';

const t0 = hoursAfterOpening(0);
const opened = caseOpened();
const by = { id: 'M-42', role: 'store_manager' } as const;

describe('working on a case', () => {
  let store: InMemoryEventStore;
  const acknowledge = (over: Partial<CaseWork> = {}) =>
    workOnCase(store, {
      caseId: 'f-1',
      expectedVersion: 1,
      canSee: () => true,
      command: () => ({ type: 'AcknowledgeCase', by, at: t0 }),
      actor: 'M-42',
      ...over,
    });
  const error = (promise: Promise<unknown>) =>
    promise.then(
      () => null,
      (e: unknown) => e,
    );

  beforeEach(async () => {
    store = new InMemoryEventStore();
    await store.append(caseStreamId('f-1'), [opened], { expectedVersion: 'no_stream' });
  });

  it('appends at the version the caller saw and answers the new one', async () => {
    const result = await acknowledge();
    expect(result).toMatchObject({ version: 2, state: { acknowledgedAt: t0 } });
    const [, acknowledged] = await store.readStream(caseStreamId('f-1'));
    expect(acknowledged).toMatchObject({ type: 'CaseAcknowledged', actor: 'M-42' });
  });

  it('answers a stale version with a conflict that names the current one', async () => {
    await acknowledge();
    const stale = await error(acknowledge());
    expect(stale).toBeInstanceOf(ConcurrencyError);
    expect(stale).toMatchObject({ expected: 1, actual: 2 });
  });

  it('hides a case the caller may not see behind not found, before comparing versions', async () => {
    const hidden = await error(acknowledge({ canSee: () => false, expectedVersion: 9 }));
    expect(hidden).toBeInstanceOf(DomainError);
    expect(hidden).toMatchObject({ code: 'case.not_found', kind: 'not_found' });
    expect(await error(acknowledge({ caseId: 'nope' }))).toMatchObject({ code: 'case.not_found' });
  });

  it('answers the same version when the action changes nothing', async () => {
    await acknowledge();
    expect(await acknowledge({ expectedVersion: 2 })).toMatchObject({ version: 2, events: [] });
  });

  it("does not count Heard's SLA bookkeeping since the caller's read as a change", async () => {
    const warned = {
      type: 'SlaWarned',
      data: { target: 'resolution', cycle: 1, dueAt: hoursAfterOpening(72), at: t0 },
    };
    await store.append(caseStreamId('f-1'), [warned], { expectedVersion: 1 });
    expect(await acknowledge({ expectedVersion: 1 })).toMatchObject({ version: 3 });
    const note = { type: 'AddNote', by, at: t0, noteId: 'n-1', text: 'x' } as const;
    const stale = await error(acknowledge({ expectedVersion: 2, command: () => note }));
    expect(stale).toMatchObject({ expected: 2, actual: 3 });
  });

  it('decides again when Heard recorded a warning while the command was being built', async () => {
    const warned = {
      type: 'SlaWarned',
      data: { target: 'resolution', cycle: 1, dueAt: hoursAfterOpening(72), at: t0 },
    };
    let built = 0;
    const result = await acknowledge({
      command: async () => {
        if (built++ === 0) {
          await store.append(caseStreamId('f-1'), [warned], { expectedVersion: 1 });
        }
        return { type: 'AcknowledgeCase', by, at: t0 };
      },
    });
    expect(result).toMatchObject({ version: 3 });
    expect(built).toBe(2);
  });
});
