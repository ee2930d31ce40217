import { EventStore, RecordedEvent } from '@heard/event-store';
import { ProjectionCheckpointEntity, ReactorRunner } from '@heard/projections';
import { waitFor } from '@heard/event-store/testing';
import { headPosition, ReadModelDatabase, sqliteFileDatabase } from '@heard/projections/testing';
import { NoticeScheduled } from '../../../notices/notice.events';
import { youChangedThisNoticeId } from '../../../notices/notice-id';
import {
  erase,
  givePreferences,
  linkFeedback,
  onImprovement,
  optOut,
  proposeImprovement,
  shipImprovement,
  T0,
} from '../../testing/outer-loop-fixtures';
import { StoreUnderTest, storesUnderTest } from '../../testing/sealing-stores';
import { youChangedThisReactor } from './you-changed-this.reactor';

jest.setTimeout(60_000);

const SHIPPED_AT = '2026-11-21T09:00:00.000Z';
const LINKED_LATER = '2026-11-22T09:00:00.000Z';

async function scheduled(store: EventStore): Promise<NoticeScheduled['data'][]> {
  const all: RecordedEvent[] = [];
  for (let after = 0n; ;) {
    const page = await store.readAll({ after, limit: 1000 });
    if (page.length === 0) break;
    all.push(...page);
    after = page[page.length - 1].globalPosition;
  }
  return all
    .filter((e) => e.type === 'NoticeScheduled')
    .map((e) => e.data as NoticeScheduled['data']);
}

describe.each(storesUnderTest())('you-changed-this reactor on %s', (_name, open) => {
  let stores: StoreUnderTest;
  let readModels: ReadModelDatabase;
  let runner: ReactorRunner;

  const runToHead = async () => {
    runner = new ReactorRunner(
      youChangedThisReactor({ store: stores.store, concurrency: 8 }),
      stores.store,
      await readModels.open([ProjectionCheckpointEntity]),
      { concurrency: 4 },
    );
    await runner.start();
    // The head moves while it runs (its own notices): caught up is live at the head of the moment.
    await waitFor(
      async () => {
        const status = runner.status();
        if (status.state === 'failed') throw new Error(`reactor failed: ${status.error}`);
        return status.live && status.checkpoint === (await headPosition(stores.store));
      },
      { timeoutMs: 20_000, what: 'the reactor to reach the head' },
    );
    await runner.stop();
  };

  beforeAll(async () => {
    stores = await open();
    readModels = await sqliteFileDatabase();
    const { store } = stores;
    await givePreferences(store, 'c-yes', { consent: true });
    await givePreferences(store, 'c-app', { consent: true, channels: ['in_app', 'email'] });
    await givePreferences(store, 'c-no', { consent: false });
    await givePreferences(store, 'c-out', { consent: true });
    await optOut(store, 'c-out');
    await givePreferences(store, 'c-erased', { consent: true });
    await erase(store, 'c-erased');
    await givePreferences(store, 'c-late', { consent: true, channels: ['sms'] });
    await proposeImprovement(store, 'imp-1');
    await linkFeedback(store, 'imp-1', [
      { feedbackId: 'f-1', customerId: 'c-yes' },
      { feedbackId: 'f-2', customerId: 'c-app' },
      { feedbackId: 'f-3', customerId: 'c-no' },
      { feedbackId: 'f-4', customerId: 'c-none' },
      { feedbackId: 'f-5', customerId: 'c-out' },
      { feedbackId: 'f-6', customerId: 'c-erased' },
      { feedbackId: 'f-7', customerId: null },
    ]);
    await linkFeedback(store, 'imp-1', [{ feedbackId: 'f-8', customerId: 'c-yes' }]);
    await shipImprovement(store, 'imp-1', SHIPPED_AT);
    // Linked and cancelled, never shipped: nobody hears of it.
    await proposeImprovement(store, 'imp-2');
    await linkFeedback(store, 'imp-2', [{ feedbackId: 'f-1', customerId: 'c-yes' }]);
    await onImprovement(store, 'imp-2', {
      type: 'CancelImprovement',
      reason: null,
      by: 'cx-1',
      at: T0,
    });
    // Linked, not shipped yet.
    await proposeImprovement(store, 'imp-3');
    await linkFeedback(store, 'imp-3', [{ feedbackId: 'f-2', customerId: 'c-app' }]);
    await runToHead();
  });

  afterAll(async () => {
    await readModels?.dispose();
    await stores?.dispose();
  });

  it('schedules exactly one notice per consenting customer, none for the rest', async () => {
    const notices = await scheduled(stores.raw);
    expect(notices.map((n) => n.recipient.customerId).sort()).toEqual(['c-app', 'c-yes']);
    expect(notices.find((n) => n.recipient.customerId === 'c-yes')).toEqual({
      noticeId: youChangedThisNoticeId('c-yes', 'imp-1'),
      kind: 'you_changed_this',
      recipient: { customerId: 'c-yes' },
      refs: { improvementId: 'imp-1', feedbackIds: ['f-1', 'f-8'] },
      channel: 'email',
      notBefore: SHIPPED_AT,
      at: SHIPPED_AT,
    });
    expect(notices.find((n) => n.recipient.customerId === 'c-app')).toMatchObject({
      channel: 'in_app',
      refs: { improvementId: 'imp-1', feedbackIds: ['f-2'] },
    });
  });

  it('appends nothing when the log is replayed from the start', async () => {
    const reactor = youChangedThisReactor({ store: stores.store });
    const before = await stores.raw.readAll({ after: 0n, limit: 100_000 });
    for (const event of before) if (reactor.canHandle(event.type)) await reactor.handle(event);
    const after = await stores.raw.readAll({ after: 0n, limit: 100_000 });
    expect(after.length).toBe(before.length);
  });

  it('tells a customer linked after shipping when linked, and nobody twice', async () => {
    await linkFeedback(
      stores.store,
      'imp-1',
      [
        { feedbackId: 'f-9', customerId: 'c-yes' },
        { feedbackId: 'f-10', customerId: 'c-late' },
        { feedbackId: 'f-11', customerId: 'c-no' },
      ],
      LINKED_LATER,
    );
    await runToHead();
    const notices = await scheduled(stores.raw);
    expect(notices.map((n) => n.recipient.customerId).sort()).toEqual(['c-app', 'c-late', 'c-yes']);
    expect(notices.find((n) => n.recipient.customerId === 'c-late')).toMatchObject({
      noticeId: youChangedThisNoticeId('c-late', 'imp-1'),
      channel: 'sms',
      refs: { improvementId: 'imp-1', feedbackIds: ['f-10'] },
      notBefore: LINKED_LATER,
    });
  });
});
