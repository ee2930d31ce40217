import { CaseEvent, caseStreamId } from '@heard/cases';
import { caseOpened, hoursAfterOpening as hours } from '@heard/cases/testing';
import { handleCommand, RecordedEvent } from '@heard/event-store';
import { InMemoryEventStore } from '@heard/event-store/testing';
import { ensureTables, inTransaction } from '@heard/projections';
import { ReadModelDatabase, readModelDatabasesUnderTest } from '@heard/projections/testing';
import { DataSource } from 'typeorm';
import { calendarDecider } from '../../calendars/calendar.decider';
import { calendarStreamId } from '../../calendars/calendar.state';
import { slaPoliciesDecider } from '../../policies/sla-policies.decider';
import { SLA_POLICIES_STREAM_ID } from '../../policies/sla-policies.state';
import { publishPoliciesCommand, putCalendarCommand } from '../../testing/sla-config-commands';
import { caseViewProjection, decodeCaseCursor } from '@heard/cases/subscriptions';
import { listCasesBySla } from '../sla-case-list/list-cases-by-sla';
import { SlaCase } from './sla-case.entity';
import { slaCasesProjection } from './sla-cases.projection';
import { SlaConfigVersion } from './sla-config-version.entity';
import { SlaTimer } from './sla-timer.entity';

const agent = { id: 'A-1', role: 'agent' } as const;
const applied = (calendarId: string | null): CaseEvent => ({
  type: 'SlaApplied',
  data: {
    policyId: 'standard',
    policySetVersion: 1,
    calendarId,
    calendarVersion: calendarId === null ? null : 1,
    timeZone: 'Europe/Kyiv',
    at: hours(0),
  },
});

/** A log as the store writes it: configuration first, then three cases' histories. */
async function sampleLog(): Promise<RecordedEvent[]> {
  const store = new InMemoryEventStore();
  await handleCommand(store, SLA_POLICIES_STREAM_ID, slaPoliciesDecider, publishPoliciesCommand());
  await handleCommand(
    store,
    calendarStreamId('kyiv-stores'),
    calendarDecider,
    putCalendarCommand(),
  );
  const write = (caseId: string, events: CaseEvent[]) =>
    store.append(caseStreamId(caseId), events, { expectedVersion: 'any' });
  await write('c-1', [caseOpened({ caseId: 'c-1' }), applied(null)]);
  await write('c-2', [caseOpened({ caseId: 'c-2' }), applied('kyiv-stores')]);
  await write('c-3', [caseOpened({ caseId: 'c-3' }), applied(null)]);
  await write('c-1', [
    {
      type: 'SlaWarned',
      data: { target: 'resolution', cycle: 1, dueAt: hours(72), at: hours(57.6) },
    },
  ]);
  await write('c-2', [
    {
      type: 'PriorityChanged',
      data: { by: agent, at: hours(1), from: 'normal', to: 'urgent', reason: null },
    },
  ]);
  await write('c-3', [
    {
      type: 'CaseResolved',
      data: { by: agent, at: hours(2), code: 'x', summary: 'x', customerMessage: 'x' },
    },
  ]);
  await write('c-1', [
    {
      type: 'SlaBreached',
      data: { target: 'resolution', cycle: 1, dueAt: hours(72), lateByMs: 400, at: hours(72) },
    },
  ]);
  return store.readAll();
}

describe.each(readModelDatabasesUnderTest())('sla-cases on %s', (_name, factory) => {
  let database: ReadModelDatabase;
  let dataSource: DataSource;
  let log: RecordedEvent[];
  const apply = (events: readonly RecordedEvent[]) =>
    inTransaction(dataSource, async (manager) => {
      for (const event of events) {
        for (const projection of [slaCasesProjection, caseViewProjection]) {
          if (projection.canHandle(event.type)) await projection.apply(event, manager);
        }
      }
    });
  const timers = async (caseId: string) =>
    (await dataSource.getRepository(SlaTimer).find({ where: { caseId } }))
      .map((t) => `${t.kind} ${t.target}#${t.cycle} ${t.dueAt.toISOString()}`)
      .sort();
  const row = (caseId: string) => dataSource.getRepository(SlaCase).findOneByOrFail({ caseId });

  beforeAll(async () => {
    log = await sampleLog();
    database = await factory();
    const entities = [...slaCasesProjection.entities, ...caseViewProjection.entities];
    dataSource = await database.open(entities);
    await ensureTables(dataSource, entities);
  });
  afterAll(() => database.dispose());

  it('keeps the timers a running target owes, and drops each once its event is recorded', async () => {
    const upToWarning = log.findIndex((e) => e.type === 'SlaWarned');
    await apply(log.slice(0, upToWarning));
    expect(await timers('c-1')).toEqual([
      `breach resolution#1 ${hours(72)}`,
      `warn resolution#1 ${hours(57.6)}`,
    ]);
    expect(await row('c-1')).toMatchObject({ slaState: 'ok', policyId: 'standard' });
    expect((await row('c-1')).nearestDueAt?.toISOString()).toBe(hours(72));

    await apply(log);
    expect(await timers('c-1')).toEqual([]);
    expect(await row('c-1')).toMatchObject({ slaState: 'breached', nearestDueAt: null });
  });

  it('moves timers with a change of priority and cancels them on a resolution', async () => {
    const moved = await timers('c-2');
    expect(moved).toContain(`breach firstResponse#1 ${hours(1.25)}`);
    expect(moved).not.toContain(`breach resolution#1 ${hours(72)}`);
    expect(moved.filter((t) => t.startsWith('breach resolution#1'))).toHaveLength(1);
    expect(await row('c-2')).toMatchObject({ policyId: 'standard', calendarId: 'kyiv-stores' });
    expect(JSON.parse((await row('c-2')).clock ?? 'null')).toMatchObject({ policyId: 'urgent' });

    expect(await timers('c-3')).toEqual([]);
    expect(await row('c-3')).toMatchObject({ slaState: null, nearestDueAt: null });
  });

  it('changes nothing when the whole log is applied again', async () => {
    const snapshot = async () => ({
      cases: await dataSource.getRepository(SlaCase).find({ order: { caseId: 'ASC' } }),
      timers: await dataSource
        .getRepository(SlaTimer)
        .find({ order: { caseId: 'ASC', kind: 'ASC', target: 'ASC' } }),
    });
    const before = await snapshot();
    await apply(log);
    expect(await snapshot()).toEqual(before);
  });

  it('lists cases by their nearest due target, filtered by SLA state, a page at a time', async () => {
    const page = (after: string | null, slaState?: 'ok' | 'warning' | 'breached') =>
      listCasesBySla(dataSource, {
        visible: { kind: 'all' },
        filters: {},
        slaState,
        after: after === null ? null : decodeCaseCursor(after),
        limit: 2,
      });
    const first = await page(null);
    // c-2's first response is due 75 minutes in; the others run no target and keep their deadline.
    expect(first.items.map((c) => c.caseId)).toEqual(['c-2', 'c-1']);
    const second = await page(first.nextCursor);
    expect(second.items.map((c) => c.caseId)).toEqual(['c-3']);
    expect(second.nextCursor).toBeNull();
    expect((await page(null, 'breached')).items.map((c) => c.caseId)).toEqual(['c-1']);
    expect((await page(null, 'ok')).items.map((c) => c.caseId)).toEqual(['c-2']);
    expect((await page(null, 'warning')).items).toEqual([]);
  });

  describe('a batch at once', () => {
    const snapshot = async () => ({
      cases: await dataSource.getRepository(SlaCase).find({ order: { caseId: 'ASC' } }),
      timers: await dataSource
        .getRepository(SlaTimer)
        .find({ order: { caseId: 'ASC', kind: 'ASC', target: 'ASC', cycle: 'ASC' } }),
      config: await dataSource
        .getRepository(SlaConfigVersion)
        .find({ order: { streamId: 'ASC', version: 'ASC' } }),
    });
    const clear = async () => {
      for (const entity of [SlaCase, SlaTimer, SlaConfigVersion])
        await dataSource.getRepository(entity).clear();
    };
    const inBatches = async (events: readonly RecordedEvent[], size: number) => {
      for (let i = 0; i < events.length; i += size) {
        const batch = events.slice(i, i + size).filter((e) => slaCasesProjection.canHandle(e.type));
        await inTransaction(dataSource, (manager) =>
          (slaCasesProjection.applyAll as NonNullable<typeof slaCasesProjection.applyAll>)(
            batch,
            manager,
          ),
        );
      }
    };
    const priority = (from: string, to: string, at: number): CaseEvent =>
      ({
        type: 'PriorityChanged',
        data: { by: agent, at: hours(at), from, to, reason: null },
      }) as CaseEvent;

    it.each([2, 3, 5, 100])(
      'leaves the rows that one event at a time leaves, in batches of %i',
      async (size) => {
        await clear();
        await apply(log);
        const oneByOne = await snapshot();
        await clear();
        await inBatches(log, size);
        expect(await snapshot()).toEqual(oneByOne);
        // And a replay of the whole log as one batch changes nothing.
        await inBatches(log, log.length);
        expect(await snapshot()).toEqual(oneByOne);
      },
    );

    it('fires again a timer the poller marked, moved away and back within one batch', async () => {
      const store = new InMemoryEventStore();
      await store.append(caseStreamId('c-9'), [caseOpened({ caseId: 'c-9' }), applied(null)], {
        expectedVersion: 'no_stream',
      });
      await store.append(
        caseStreamId('c-9'),
        [priority('normal', 'urgent', 0.1), priority('urgent', 'normal', 0.2)],
        { expectedVersion: 2 },
      );
      const [opening, moves] = [
        (await store.readAll()).slice(0, 2),
        (await store.readAll()).slice(2),
      ];
      const markAll = () =>
        dataSource
          .createQueryBuilder()
          .update(SlaTimer)
          .set({ firedAt: new Date(hours(0.05)) })
          .where('case_id = :id', { id: 'c-9' })
          .execute();
      await apply(opening);
      await markAll();
      const marked = await timers('c-9');
      await apply(moves);
      const oneByOne = await dataSource.getRepository(SlaTimer).findBy({ caseId: 'c-9' });
      await dataSource.getRepository(SlaTimer).delete({ caseId: 'c-9' });
      await dataSource.getRepository(SlaCase).delete({ caseId: 'c-9' });
      await inBatches(opening, 2);
      await markAll();
      await inBatches(moves, 2);
      const batched = await dataSource.getRepository(SlaTimer).findBy({ caseId: 'c-9' });
      // Back where they were, and unmarked: a mark is for the timer the poller saw, not this one.
      expect(await timers('c-9')).toEqual(marked);
      expect(batched.map((t) => t.firedAt)).toEqual(batched.map(() => null));
      expect(batched.length).toBeGreaterThan(0);
      expect(oneByOne.map((t) => t.firedAt)).toEqual(oneByOne.map(() => null));
    });
  });
});
