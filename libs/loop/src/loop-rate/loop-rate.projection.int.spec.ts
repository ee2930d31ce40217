import { complaint } from '@heard/cases/testing';
import { putRegion, putStore } from '@heard/directory';
import {
  directoryReadModelEntities,
  feedDirectoryProjections,
  putRegionCommand,
  putStoreCommand,
  seedDirectory,
} from '@heard/directory/testing';
import { EventStore, handleCommand, uuidV8FromName } from '@heard/event-store';
import { InMemoryEventStore } from '@heard/event-store/testing';
import { feedbackDecider, feedbackStreamId, ReceiveFeedback } from '@heard/feedback';
import { inTransaction, readModelEntities, rebuildProjection } from '@heard/projections';
import { ReadModelDatabase, readModelDatabasesUnderTest } from '@heard/projections/testing';
import { DataSource } from 'typeorm';
import { improvementStreamId } from '../improvements/improvement.events';
import { NoticeKind } from '../notices/notice.events';
import { caseEventNoticeId, noticeStreamId, youChangedThisNoticeId } from '../notices/notice-id';
import { scheduleNotice } from '../notices/schedule-notice';
import { LoopRateFeedback } from './loop-rate-feedback.entity';
import { LoopRateNotice } from './loop-rate-notice.entity';
import { loopRateProjection } from './loop-rate.projection';
import { loopRate, LoopRateQuery } from './loop-rate.query';

const T0 = Date.parse('2026-11-20T10:00:00.000Z');
const hours = (h: number) => new Date(T0 + h * 3_600_000).toISOString();
const H = 3_600_000;

async function feedback(store: EventStore, id: string, overrides: Partial<ReceiveFeedback>) {
  await handleCommand(store, feedbackStreamId(id), feedbackDecider, complaint(id, overrides));
}
const linkToCase = (store: EventStore, feedbackId: string, caseId: string) =>
  store.append(
    feedbackStreamId(feedbackId),
    [{ type: 'FeedbackLinkedToCase', data: { feedbackId, caseId, merged: false, at: hours(0) } }],
    { expectedVersion: 'any' },
  );
async function notice(
  store: EventStore,
  noticeId: string,
  kind: NoticeKind,
  refs: { caseId?: string; improvementId?: string },
  customerId: string,
  sentAt: readonly string[],
) {
  await scheduleNotice(store, {
    noticeId,
    kind,
    recipient: { customerId },
    refs,
    channel: 'email',
    notBefore: hours(0),
    at: hours(0),
  });
  for (const [i, at] of sentAt.entries()) {
    const data = {
      noticeId,
      attempt: i + 1,
      channel: 'email',
      messageId: `<${noticeId}@heard>`,
      digestId: null,
      at,
    };
    await store.append(noticeStreamId(noticeId), [{ type: 'NoticeSent', data }], {
      expectedVersion: 'any',
    });
  }
}

/**
 * S-1 (region R-N): fb-1 negative, told its case's resolution after 10 h; fb-2 negative, its
 * notice never sent; fb-4 praise. S-2 (R-S): fb-3 negative, told after 4 h (a later resolution
 * notice does not count twice); fb-6 an anonymous complaint, in no case. fb-5 is outside the period. imp-1 shipped at 48 h
 * with fb-1, fb-4 and fb-6; C-1 told at 50 h, once for both their items. imp-2 never shipped.
 */
async function sampleLog(store: EventStore): Promise<void> {
  await seedDirectory(store);
  await putRegion(store, putRegionCommand({ regionId: 'R-S', name: 'South' }));
  await putStore(store, putStoreCommand({ storeId: 'S-1', regionId: 'R-N' }));
  await putStore(store, putStoreCommand({ storeId: 'S-2', regionId: 'R-S', managerId: null }));
  const at = (h: number) => ({ receivedAt: hours(h), occurredAt: hours(h) });
  await feedback(store, 'fb-1', {
    storeId: 'S-1',
    customer: { id: 'C-1', consent: true },
    ...at(0),
  });
  await feedback(store, 'fb-2', {
    storeId: 'S-1',
    channel: 'app',
    customer: { id: 'C-2', consent: true },
    ...at(0),
  });
  await feedback(store, 'fb-3', {
    storeId: 'S-2',
    customer: { id: 'C-3', consent: true },
    ...at(1),
  });
  await feedback(store, 'fb-4', {
    storeId: 'S-1',
    kind: 'praise',
    channel: 'app',
    category: null,
    personal: { text: 'Lovely staff' },
    customer: { id: 'C-1', consent: true },
    ...at(2),
  });
  await feedback(store, 'fb-5', {
    storeId: 'S-2',
    customer: { id: 'C-5', consent: true },
    ...at(24 * 10),
  });
  await feedback(store, 'fb-6', {
    storeId: 'S-2',
    channel: 'web',
    customer: { consent: false },
    ...at(3),
  });
  for (const [f, c] of [
    ['fb-1', 'c-1'],
    ['fb-2', 'c-2'],
    ['fb-3', 'c-3'],
    ['fb-5', 'c-5'],
  ])
    await linkToCase(store, f, c);
  await notice(store, uuidV8FromName('n-1'), 'case_resolved', { caseId: 'c-1' }, 'C-1', [
    hours(10),
    hours(11),
  ]);
  await notice(store, uuidV8FromName('n-2'), 'case_resolved', { caseId: 'c-2' }, 'C-2', []);
  await notice(store, uuidV8FromName('n-3'), 'case_resolved', { caseId: 'c-3' }, 'C-3', [hours(5)]);
  await notice(store, uuidV8FromName('n-3b'), 'case_resolved', { caseId: 'c-3' }, 'C-3', [
    hours(20),
  ]);
  // Not a loop-closing notice: an acknowledgement tells nobody the resolution.
  await notice(store, caseEventNoticeId('ack'), 'case_acknowledged', { caseId: 'c-2' }, 'C-2', [
    hours(1),
  ]);
  const improvement = (id: string, type: string, data: object) =>
    store.append(
      improvementStreamId(id),
      [{ type, data: { improvementId: id, by: 'admin-1', ...data } }],
      {
        expectedVersion: 'any',
      },
    );
  await improvement('imp-1', 'FeedbackLinked', {
    feedbackIds: ['fb-1', 'fb-4', 'fb-6'],
    at: hours(30),
  });
  await improvement('imp-1', 'FeedbackLinked', { feedbackIds: ['fb-1'], at: hours(31) });
  await improvement('imp-2', 'FeedbackLinked', { feedbackIds: ['fb-2'], at: hours(30) });
  await improvement('imp-1', 'ImprovementShipped', {
    messages: { en: 'Two tills' },
    at: hours(48),
  });
  const told = youChangedThisNoticeId('C-1', 'imp-1');
  await notice(store, told, 'you_changed_this', { improvementId: 'imp-1' }, 'C-1', [hours(50)]);
}

const share = (feedback: number, told: number, medianHours: number | null) => ({
  feedback,
  told,
  share: feedback === 0 ? null : told / feedback,
  medianMsToNotice: medianHours === null ? null : medianHours * H,
});

describe.each(readModelDatabasesUnderTest())('the loop rate on %s', (_name, factory) => {
  let database: ReadModelDatabase;
  let dataSource: DataSource;
  const store = new InMemoryEventStore();
  const period = { from: new Date(hours(-1)), to: new Date(hours(24 * 5)) };
  const rate = (q: Partial<LoopRateQuery>) =>
    loopRate(dataSource, { ...period, groupBy: 'store', stores: 'all', ...q });

  beforeAll(async () => {
    await sampleLog(store);
    database = await factory();
    dataSource = await database.open([
      ...readModelEntities([loopRateProjection]),
      ...directoryReadModelEntities,
    ]);
    await feedDirectoryProjections(dataSource, await store.readAll());
    await rebuildProjection(loopRateProjection, store, dataSource, { batchSize: 7 });
  });
  afterAll(() => database?.dispose());

  it('counts per store the negative feedback told its resolution, and the linked feedback told of the change', async () => {
    expect(await rate({})).toEqual({
      groups: [
        { group: 'S-1', resolution: share(2, 1, 10), improvement: share(2, 2, 49) },
        { group: 'S-2', resolution: share(2, 1, 4), improvement: share(1, 0, null) },
      ],
      overall: { resolution: share(4, 2, 7), improvement: share(3, 2, 49) },
    });
  });

  it('groups by the region of the store, and by the channel the feedback came in', async () => {
    expect((await rate({ groupBy: 'region' })).groups).toEqual([
      { group: 'R-N', resolution: share(2, 1, 10), improvement: share(2, 2, 49) },
      { group: 'R-S', resolution: share(2, 1, 4), improvement: share(1, 0, null) },
    ]);
    expect((await rate({ groupBy: 'channel' })).groups).toEqual([
      { group: 'app', resolution: share(1, 0, null), improvement: share(1, 1, 48) },
      { group: 'store', resolution: share(2, 2, 7), improvement: share(1, 1, 50) },
      { group: 'web', resolution: share(1, 0, null), improvement: share(1, 0, null) },
    ]);
  });

  it('counts only the feedback of the period and of the stores the caller may see', async () => {
    const later = await rate({ from: new Date(hours(24 * 9)), to: new Date(hours(24 * 11)) });
    expect(later.groups).toEqual([
      { group: 'S-2', resolution: share(1, 0, null), improvement: share(0, 0, null) },
    ]);
    expect((await rate({ stores: ['S-2'] })).groups.map((g) => g.group)).toEqual(['S-2']);
    expect(await rate({ stores: [] })).toEqual({
      groups: [],
      overall: { resolution: share(0, 0, null), improvement: share(0, 0, null) },
    });
  });

  it('holds ids, stores and times only, and applying the log again changes nothing', async () => {
    const before = await rate({});
    const handled = (await store.readAll()).filter((e) => loopRateProjection.canHandle(e.type));
    // Event by event, and as one batch whose rows all exist already.
    await inTransaction(dataSource, async (manager) => {
      for (const event of handled) await loopRateProjection.apply(event, manager);
    });
    expect(await rate({})).toEqual(before);
    await inTransaction(dataSource, (manager) => loopRateProjection.applyAll!(handled, manager));
    expect(await rate({})).toEqual(before);
    const row = await dataSource
      .getRepository(LoopRateFeedback)
      .findOneByOrFail({ feedbackId: 'fb-4' });
    expect(Object.keys(row).sort()).toEqual(
      ['caseId', 'channel', 'customerId', 'feedbackId', 'negative', 'receivedAt', 'storeId'].sort(),
    );
    expect(await dataSource.getRepository(LoopRateNotice).count()).toBe(5);
  });
});
