import { ensureTables } from '@heard/projections';
import { DataSource } from 'typeorm';
import { CaseEscalationView } from '../case-view/case-escalation-view.entity';
import { CaseView } from '../case-view/case-view.entity';
import { caseScopeFilter } from '../case-scope/case-scope.filter';
import { decodeCaseCursor } from './case-cursor';
import { countOpenCasesByOwner } from './count-open-cases';
import { CaseListRequest, listCaseViews } from './list-case-views';

const row = (caseId: string, hoursDue: number, over: Partial<CaseView> = {}): CaseView => ({
  caseId,
  status: 'open',
  storeId: 'S-042',
  regionId: 'R-N',
  category: 'queue',
  priority: 'normal',
  ownerId: 'M-42',
  teamId: null,
  customerId: 'C-1',
  feedbackIds: JSON.stringify([caseId]),
  openedAt: new Date('2026-11-20T00:00:00.000Z'),
  dueAt: new Date(Date.parse('2026-11-20T00:00:00.000Z') + hoursDue * 3600_000),
  acknowledgedAt: null,
  pausedAt: null,
  resolvedAt: null,
  targetHours: 72,
  escalationLevel: 0,
  escalatedTo: '[]',
  version: 2,
  updatedAt: new Date('2026-11-20T00:00:00.000Z'),
  ...over,
});

describe('listing case_view', () => {
  let dataSource: DataSource;
  const everything: CaseListRequest = {
    visible: { kind: 'all' },
    filters: {},
    after: null,
    limit: 50,
  };
  const ids = async (request: Partial<CaseListRequest>) =>
    (await listCaseViews(dataSource, { ...everything, ...request })).items.map((r) => r.caseId);

  beforeAll(async () => {
    dataSource = await new DataSource({
      type: 'better-sqlite3',
      database: ':memory:',
      entities: [CaseView, CaseEscalationView],
    }).initialize();
    await ensureTables(dataSource, [CaseView, CaseEscalationView]);
    await dataSource
      .getRepository(CaseView)
      .insert([
        row('c-3', 30),
        row('c-1', 10),
        row('c-2', 10, { status: 'resolved', ownerId: 'A-1', storeId: 'S-001', regionId: 'R-S' }),
        row('c-4', 50, { priority: 'urgent', category: 'staff', teamId: 'T-cx', ownerId: null }),
        row('c-5', 70, { status: 'awaiting_customer', customerId: 'C-2' }),
      ]);
    await dataSource.getRepository(CaseEscalationView).insert({ caseId: 'c-5', personId: 'A-1' });
  });
  afterAll(() => dataSource.destroy());

  it('sorts by deadline, then id', async () => {
    expect(await ids({})).toEqual(['c-1', 'c-2', 'c-3', 'c-4', 'c-5']);
  });

  it('pages with an opaque cursor that neither repeats nor skips', async () => {
    const first = await listCaseViews(dataSource, { ...everything, limit: 2 });
    expect(first.items.map((r) => r.caseId)).toEqual(['c-1', 'c-2']);
    const after = decodeCaseCursor(first.nextCursor as string);
    const second = await listCaseViews(dataSource, { ...everything, limit: 2, after });
    expect(second.items.map((r) => r.caseId)).toEqual(['c-3', 'c-4']);
    const third = await listCaseViews(dataSource, {
      ...everything,
      limit: 2,
      after: decodeCaseCursor(second.nextCursor as string),
    });
    expect(third).toMatchObject({ nextCursor: null });
    expect(third.items.map((r) => r.caseId)).toEqual(['c-5']);
  });

  it.each<[string, CaseListRequest['filters'], string[]]>([
    ['status', { statuses: ['open', 'awaiting_customer'] }, ['c-1', 'c-3', 'c-4', 'c-5']],
    ['owner', { ownerId: 'A-1' }, ['c-2']],
    ['store', { storeId: 'S-001' }, ['c-2']],
    ['region', { regionId: 'R-N' }, ['c-1', 'c-3', 'c-4', 'c-5']],
    ['priority', { priority: 'urgent' }, ['c-4']],
    ['category', { category: 'staff' }, ['c-4']],
    ['deadline', { dueBefore: '2026-11-21T06:00:00.000Z' }, ['c-1', 'c-2']],
  ])('filters by %s', async (_field, filters, expected) => {
    expect(await ids({ filters })).toEqual(expected);
  });

  it('shows each scope only its cases', async () => {
    const staff = (storeIds: string[], teamIds: string[] = []) =>
      caseScopeFilter({ kind: 'staff', personId: 'A-1', storeIds, regionIds: [], teamIds });
    expect(await ids({ visible: staff([]) })).toEqual(['c-2', 'c-5']);
    expect(await ids({ visible: staff([], ['T-cx']) })).toEqual(['c-2', 'c-4', 'c-5']);
    expect(await ids({ visible: staff(['S-042']) })).toEqual(['c-1', 'c-2', 'c-3', 'c-4', 'c-5']);
    const customer = caseScopeFilter({ kind: 'customer', customerId: 'C-2' });
    expect(await ids({ visible: customer })).toEqual(['c-5']);
    expect(await ids({ visible: { kind: 'none' } })).toEqual([]);
  });

  it('counts open cases per owner, zero for the idle', async () => {
    expect(await countOpenCasesByOwner(dataSource, ['M-42', 'A-1', 'A-9'])).toEqual(
      new Map([
        ['M-42', 3],
        ['A-1', 0],
        ['A-9', 0],
      ]),
    );
  });
});
