import { FixedClock, InMemoryEventStore } from '@heard/event-store/testing';
import { Actor } from '@heard/kernel';
import { FeedbackSubmission } from '../feedback-submission';
import { receiveBatch } from './receive-batch.handler';

const caller: Actor = { id: 'pos-bridge', role: 'integration' };
const item = (externalId: string, text = 'Очередь 🙁'): { submission: FeedbackSubmission } => ({
  submission: {
    kind: 'complaint',
    channel: 'store',
    customer: { consent: false },
    text,
    source: { system: 'pos', externalId },
  },
});

describe('receiveBatch', () => {
  it('answers every item in order: accepted, duplicate or rejected with its reasons', async () => {
    const clock = new FixedClock();
    const store = new InMemoryEventStore(clock);
    const rejected = { errors: [{ field: 'rating', rule: 'max', message: 'too high' }] };
    const results = await receiveBatch(
      { store, clock },
      [item('a'), rejected, item('a'), item('b'), item('b', 'other text')],
      caller,
    );
    expect(results.map((r) => [r.index, r.status])).toEqual([
      [0, 'accepted'],
      [1, 'rejected'],
      [2, 'duplicate'],
      [3, 'accepted'],
      [4, 'rejected'],
    ]);
    expect(results[1]).toMatchObject(rejected);
    expect(results[4]).toMatchObject({
      errors: [{ field: 'source.externalId', rule: 'feedback.source_reused' }],
    });
    expect((await store.readAll()).filter((e) => e.type === 'FeedbackReceived')).toHaveLength(2);
  });

  it('makes a retried keyed batch a no-op, item by item', async () => {
    const clock = new FixedClock();
    const store = new InMemoryEventStore(clock);
    const anonymous = { submission: { ...item('x').submission, source: undefined } };
    const first = await receiveBatch({ store, clock }, [anonymous, anonymous], caller, {
      idempotencyKey: 'batch-1',
    });
    const again = await receiveBatch({ store, clock }, [anonymous, anonymous], caller, {
      idempotencyKey: 'batch-1',
    });
    expect(first.map((r) => r.status)).toEqual(['accepted', 'accepted']);
    expect(again.map((r) => r.status)).toEqual(['duplicate', 'duplicate']);
    expect(again).toEqual(first.map((r) => ({ ...r, status: 'duplicate' })));
  });

  it('rejects each item that names a source when the caller may not (a store manager)', async () => {
    const clock = new FixedClock();
    const store = new InMemoryEventStore(clock);
    const manager: Actor = { id: 'M-42', role: 'store_manager' };
    const plain = { submission: { ...item('x').submission, source: undefined } };
    const results = await receiveBatch({ store, clock }, [item('a'), plain], manager);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'accepted']);
    expect(results[0]).toMatchObject({
      errors: [{ field: 'source', rule: 'feedback.source_not_allowed' }],
    });
  });
});
