import { RecordedEvent } from '@heard/event-store';
import { ensureTables, inTransaction } from '@heard/projections';
import { ReadModelDatabase, readModelDatabasesUnderTest } from '@heard/projections/testing';
import { DataSource } from 'typeorm';
import { CaseEvent } from '../../domain/case.events';
import { countOpenCasesByOwner } from '../case-list/count-open-cases';
import { decodeCaseCursor } from '../case-list/case-cursor';
import { listCaseViews } from '../case-list/list-case-views';
import { caseScopeFilter } from '../case-scope/case-scope.filter';
import { CaseView } from './case-view.entity';
import { caseViewProjection } from './case-view.projection';
import { caseOpened } from '../../testing/case-opened.fixture';

let position = 0n;
function recorded(caseId: string, version: number, event: CaseEvent): RecordedEvent {
  position += 1n;
  return {
    ...event,
    eventId: `00000000-0000-7000-8000-${String(position).padStart(12, '0')}`,
    schemaVersion: 1,
    streamId: `case-${caseId}`,
    streamVersion: version,
    globalPosition: position,
    occurredAt: new Date('2026-11-20T10:00:00.000Z'),
    recordedAt: new Date('2026-11-20T10:00:00.000Z'),
    correlationId: null,
    causationId: null,
    actor: null,
  };
}

const opened = (caseId: string, dueAt: string, storeId: string): CaseEvent =>
  caseOpened({ caseId, storeId, sla: { targetHours: 72, dueAt } });
const assigned = (ownerId: string): CaseEvent => ({
  type: 'CaseAssigned',
  data: {
    ownerId,
    teamId: null,
    assignedBy: { kind: 'rule', ruleId: 'builtin', rulesVersion: 0 },
    reason: 'store manager',
    at: '2026-11-20T10:00:00.000Z',
  },
});

const log = [
  recorded('c-b', 1, opened('c-b', '2026-11-23T10:00:00.000Z', 'S-042')),
  recorded('c-b', 2, assigned('M-42')),
  recorded('c-a', 1, opened('c-a', '2026-11-23T10:00:00.000Z', 'S-042')),
  recorded('c-a', 2, assigned('M-42')),
  recorded('c-c', 1, opened('c-c', '2026-11-21T10:00:00.000Z', 'S-001')),
  recorded('c-c', 2, assigned('M-1')),
  recorded('c-c', 3, {
    type: 'CaseEscalated',
    data: {
      by: { id: 'M-1', role: 'store_manager' },
      at: '2026-11-20T11:00:00.000Z',
      level: 1,
      to: 'RM-2',
      reason: 'third time this month',
    },
  }),
];

describe.each(readModelDatabasesUnderTest())('case_view on %s', (_name, factory) => {
  let database: ReadModelDatabase;
  let dataSource: DataSource;
  const apply = (events: readonly RecordedEvent[]) =>
    inTransaction(dataSource, async (manager) => {
      for (const event of events) await caseViewProjection.apply(event, manager);
    });

  beforeAll(async () => {
    database = await factory();
    dataSource = await database.open([...caseViewProjection.entities]);
    await ensureTables(dataSource, caseViewProjection.entities);
    await apply(log);
    await apply(log);
  });
  afterAll(() => database.dispose());

  it('keeps one row per case through a replay, timestamps intact', async () => {
    const rows = await dataSource.getRepository(CaseView).find({ order: { caseId: 'ASC' } });
    expect(rows.map((r) => [r.caseId, r.ownerId, r.version, r.dueAt.toISOString()])).toEqual([
      ['c-a', 'M-42', 2, '2026-11-23T10:00:00.000Z'],
      ['c-b', 'M-42', 2, '2026-11-23T10:00:00.000Z'],
      ['c-c', 'M-1', 3, '2026-11-21T10:00:00.000Z'],
    ]);
  });

  it('pages by deadline then id, within scope', async () => {
    const visible = caseScopeFilter({
      kind: 'staff',
      personId: 'M-42',
      storeIds: ['S-042'],
      regionIds: [],
      teamIds: [],
    });
    const first = await listCaseViews(dataSource, { visible, filters: {}, after: null, limit: 1 });
    const second = await listCaseViews(dataSource, {
      visible,
      filters: { dueBefore: '2026-12-01T00:00:00.000Z', statuses: ['open'] },
      after: decodeCaseCursor(first.nextCursor as string),
      limit: 1,
    });
    expect([...first.items, ...second.items].map((r) => r.caseId)).toEqual(['c-a', 'c-b']);
    expect(second.nextCursor).toBeNull();
  });

  it('finds a case for the person it was escalated to, once however often it is replayed', async () => {
    const visible = caseScopeFilter({
      kind: 'staff',
      personId: 'RM-2',
      storeIds: [],
      regionIds: [],
      teamIds: [],
    });
    const page = await listCaseViews(dataSource, { visible, filters: {}, after: null, limit: 10 });
    expect(page.items.map((r) => [r.caseId, r.escalatedTo])).toEqual([['c-c', '["RM-2"]']]);
  });

  it('counts open cases per owner', async () => {
    expect(await countOpenCasesByOwner(dataSource, ['M-42', 'M-1', 'A-1'])).toEqual(
      new Map([
        ['M-42', 2],
        ['M-1', 1],
        ['A-1', 0],
      ]),
    );
  });
});
