import { DataKeyPersonalData, MasterKey, REDACTED } from '@heard/customers';
import { MemoryTable } from '@heard/customers/testing';
import { StoreView } from '@heard/directory/read-models';
import { FeedbackViewRow } from '@heard/feedback/read-models';
import { ensureTables } from '@heard/projections';
import { ReadModelDatabase, readModelDatabasesUnderTest } from '@heard/projections/testing';
import { Scope } from '@heard/kernel';
import { DataSource } from 'typeorm';
import { FeedbackCriteria } from './feedback-criteria';
import { matchFeedback } from './match-feedback';

const everything = { kind: 'everything' } as const;
const managerOf = (storeIds: string[]) =>
  ({ kind: 'staff', personId: 'M-1', storeIds, regionIds: [], teamIds: [] }) as const;

const row = (
  feedbackId: string,
  storeId: string | null,
  text: string | null,
  extra: Partial<FeedbackViewRow> = {},
): FeedbackViewRow => ({
  feedbackId,
  customerId: `c-${feedbackId}`,
  kind: 'complaint',
  channel: 'store',
  storeId,
  category: 'queue',
  rating: null,
  nps: null,
  text,
  personalKey: null,
  personalSealed: null,
  language: null,
  occurredAt: new Date('2026-11-20T10:00:00.000Z'),
  receivedAt: new Date('2026-11-20T10:00:00.000Z'),
  caseId: null,
  ...extra,
});

const store = (storeId: string, regionId: string): StoreView => ({
  storeId,
  name: storeId,
  regionId,
  timezone: 'UTC',
  managerId: null,
  version: 1,
  updatedAt: new Date('2026-11-20T10:00:00.000Z'),
});

describe.each(readModelDatabasesUnderTest())('matching feedback on %s', (_name, factory) => {
  let database: ReadModelDatabase;
  let dataSource: DataSource;
  const personal = new DataKeyPersonalData(new MemoryTable(), MasterKey.generate());
  const ids = async (criteria: FeedbackCriteria, scope: Scope, cap?: number) =>
    (await matchFeedback(dataSource, personal, criteria, scope, cap))
      .map((m) => m.feedbackId)
      .sort();
  /** A row as the projection writes a sealed event: the words sealed with the customer's key. */
  const sealedRow = async (feedbackId: string, words: string) => {
    const block = await personal.seal(`customer:c-${feedbackId}`, { text: words });
    return row(feedbackId, null, null, { personalKey: block.key, personalSealed: block.sealed });
  };

  beforeAll(async () => {
    database = await factory();
    dataSource = await database.open([FeedbackViewRow, StoreView]);
    await ensureTables(dataSource, [FeedbackViewRow, StoreView]);
    await dataSource.getRepository(StoreView).insert([store('S-1', 'R-N'), store('S-2', 'R-S')]);
    await dataSource
      .getRepository(FeedbackViewRow)
      .insert([
        row('f-1', 'S-1', 'Очередь на кассе'),
        row('f-2', 'S-1', 'Long QUEUE again', { channel: 'app' }),
        row('f-3', 'S-2', 'the queue', { category: 'staff', kind: 'review' }),
        row('f-4', null, 'queue without a store'),
        row('f-5', 'S-1', REDACTED),
        row('f-6', 'S-1', null, { occurredAt: new Date('2026-11-25T10:00:00.000Z') }),
        row('f-7', 'S-1', 'ｑｕｅｕｅ in full width', { customerId: null }),
        await sealedRow('f-8', 'a sealed QUEUE'),
        await sealedRow('f-9', 'a queue whose customer is erased'),
      ]);
    await personal.forget('customer:c-f-9');
  });

  afterAll(() => database?.dispose());

  it('narrows by stores or regions, categories, channels, kinds and period', async () => {
    expect(await ids({ storeIds: ['S-1'] }, everything)).toEqual([
      'f-1',
      'f-2',
      'f-5',
      'f-6',
      'f-7',
    ]);
    expect(await ids({ regions: ['R-S'], storeIds: ['S-1'] }, everything)).toHaveLength(6);
    expect(await ids({ categories: ['staff'] }, everything)).toEqual(['f-3']);
    expect(await ids({ channels: ['app'] }, everything)).toEqual(['f-2']);
    expect(await ids({ kinds: ['review'] }, everything)).toEqual(['f-3']);
    expect(await ids({ from: '2026-11-21T00:00:00Z' }, everything)).toEqual(['f-6']);
    expect(await ids({ to: '2026-11-21T00:00:00Z', storeIds: ['S-2'] }, everything)).toEqual([
      'f-3',
    ]);
  });

  it('finds words whatever their case and width, never in erased text', async () => {
    expect(await ids({ words: ['queue'] }, everything)).toEqual([
      'f-2',
      'f-3',
      'f-4',
      'f-7',
      'f-8',
    ]);
    expect(await ids({ words: ['ОЧЕРЕДЬ', 'nothing'] }, everything)).toEqual(['f-1']);
    expect(await ids({ words: ['erased'] }, everything)).toEqual([]);
  });

  it('opens sealed words to look in them, and finds none once their key is gone', async () => {
    expect(await ids({ words: ['sealed'] }, everything)).toEqual(['f-8']);
    expect(await ids({ words: ['erased'] }, everything)).toEqual([]);
  });

  it('keeps staff to the feedback of their stores', async () => {
    expect(await ids({ categories: ['queue', 'staff'] }, managerOf(['S-2']))).toEqual(['f-3']);
    expect(await ids({ categories: ['queue'] }, managerOf([]))).toEqual([]);
    expect(await ids({ categories: ['queue'] }, { kind: 'customer', customerId: 'c-f-1' })).toEqual(
      [],
    );
  });

  it('refuses words over more candidates than it looks through', async () => {
    await expect(
      matchFeedback(dataSource, personal, { words: ['queue'] }, everything, 3),
    ).rejects.toMatchObject({
      code: 'improvement.criteria_too_broad',
      field: 'words',
    });
    expect(await ids({ words: ['queue'], storeIds: ['S-2'] }, everything, 3)).toEqual(['f-3']);
  });
});
