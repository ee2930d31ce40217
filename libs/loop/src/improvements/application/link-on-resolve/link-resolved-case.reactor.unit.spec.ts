import { caseStreamId } from '@heard/cases';
import { caseOpened, hoursAfterOpening } from '@heard/cases/testing';
import { InMemoryEventStore } from '@heard/event-store/testing';
import { onImprovement, proposeImprovement } from '../../testing/outer-loop-fixtures';
import { linkResolvedCaseReactor } from './link-resolved-case.reactor';

const agent = { id: 'A-1', role: 'agent' } as const;

async function resolvedCase(store: InMemoryEventStore, improvementId?: string) {
  await store.append(
    caseStreamId('f-1'),
    [
      caseOpened({ caseId: 'f-1' }),
      { type: 'FeedbackAttached', data: { feedbackId: 'f-2', at: hoursAfterOpening(1) } },
      {
        type: 'CaseResolved',
        data: {
          by: agent,
          at: hoursAfterOpening(2),
          code: 'fixed',
          summary: 'x',
          customerMessage: 'x',
          ...(improvementId === undefined ? {} : { improvementId }),
        },
      },
    ],
    { expectedVersion: 'no_stream' },
  );
  return (await store.readStream(caseStreamId('f-1')))[2];
}

const linked = async (store: InMemoryEventStore) =>
  (await store.readStream('improvement-imp-1')).filter((e) => e.type === 'FeedbackLinked');

describe('link-resolved-case reactor', () => {
  it('links the case’s feedback once, however often the resolution is delivered', async () => {
    const store = new InMemoryEventStore();
    await proposeImprovement(store, 'imp-1');
    const resolved = await resolvedCase(store, 'imp-1');
    const reactor = linkResolvedCaseReactor({ store });
    await reactor.handle(resolved);
    await reactor.handle(resolved);
    const events = await linked(store);
    expect(events.map((e) => e.data)).toEqual([
      {
        improvementId: 'imp-1',
        feedbackIds: ['f-1', 'f-2'],
        customerIds: ['C-1', 'C-1'],
        caseId: 'f-1',
        by: 'A-1',
        at: hoursAfterOpening(2),
      },
    ]);
    expect(events[0]).toMatchObject({ causationId: resolved.eventId, actor: 'A-1' });
  });

  it('leaves an improvement cancelled since, or none named, alone', async () => {
    const store = new InMemoryEventStore();
    await proposeImprovement(store, 'imp-1');
    await onImprovement(store, 'imp-1', {
      type: 'CancelImprovement',
      reason: null,
      by: 'cx-1',
      at: hoursAfterOpening(1),
    });
    const reactor = linkResolvedCaseReactor({ store });
    await expect(reactor.handle(await resolvedCase(store, 'imp-1'))).resolves.toBeUndefined();
    expect(await linked(store)).toEqual([]);
    const other = new InMemoryEventStore();
    await linkResolvedCaseReactor({ store: other }).handle(await resolvedCase(other));
    expect(await other.readStream('improvement-imp-1')).toEqual([]);
  });
});
