import { CaseEvent, caseStreamId } from '@heard/cases';
import { caseOpened, hoursAfterOpening as hours } from '@heard/cases/testing';
import { RecordedEvent } from '@heard/event-store';
import { FixedClock, InMemoryEventStore } from '@heard/event-store/testing';
import { ensureTables, inTransaction } from '@heard/projections';
import { ReadModelDatabase, readModelDatabasesUnderTest } from '@heard/projections/testing';
import { Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { builtInPolicySet } from '../../domain/built-in-policy-set';
import { slaCasesProjection } from '../../read-models/sla-cases/sla-cases.projection';
import { SlaCase } from '../../read-models/sla-cases/sla-case.entity';
import { SlaTimer } from '../../read-models/sla-cases/sla-timer.entity';
import { SlaSources } from '../sla-sources';
import { SlaTimerMetrics } from './sla-timer-metrics';
import { SlaTimerPoller, SlaTimerPollerOptions } from './sla-timer-poller';

const CASES = 20;
const caseIds = Array.from({ length: CASES }, (_, i) => `c-${i}`);
const applied: CaseEvent = {
  type: 'SlaApplied',
  data: {
    policyId: 'built-in-default',
    policySetVersion: 0,
    calendarId: null,
    calendarVersion: null,
    timeZone: 'UTC',
    builtInResolution: 'PT1H',
    at: hours(0),
  },
};

describe.each(readModelDatabasesUnderTest())('the SLA timer poller on %s', (name, factory) => {
  // PostgreSQL pollers share the rows out (SKIP LOCKED); SQLite's each take all, harmlessly.
  const exclusive = name.startsWith('PostgreSQL');
  let database: ReadModelDatabase;
  let dataSource: DataSource;
  let store: InMemoryEventStore;
  let clock: FixedClock;
  let projected: bigint;

  const poller = (options: Partial<SlaTimerPollerOptions> = {}) =>
    new SlaTimerPoller({
      store,
      dataSource,
      clock,
      sources: new SlaSources(store, builtInPolicySet(1)),
      ...options,
    });
  const project = async () => {
    const events = await store.readAll({ after: projected });
    await inTransaction(dataSource, async (manager) => {
      for (const event of events) {
        if (slaCasesProjection.canHandle(event.type))
          await slaCasesProjection.apply(event, manager);
      }
    });
    projected = events.at(-1)?.globalPosition ?? projected;
  };
  const alerts = async (): Promise<RecordedEvent[]> =>
    (await store.readAll()).filter((e) => e.type === 'SlaWarned' || e.type === 'SlaBreached');
  const open = async (caseId: string) => {
    await store.append(caseStreamId(caseId), [caseOpened({ caseId }), applied], {
      expectedVersion: 'no_stream',
    });
  };

  beforeAll(async () => {
    database = await factory();
    dataSource = await database.open([...slaCasesProjection.entities]);
    await ensureTables(dataSource, slaCasesProjection.entities);
  });
  beforeEach(async () => {
    for (const entity of [SlaTimer, SlaCase]) await dataSource.getRepository(entity).clear();
    store = new InMemoryEventStore();
    clock = new FixedClock(new Date(hours(0)));
    projected = 0n;
    for (const caseId of caseIds) await open(caseId);
    await project();
  });
  afterAll(() => database.dispose());

  it('fires nothing early, then each warning and breach at its time, once', async () => {
    expect(await poller().tick()).toBe(0);
    clock.advance(47 * 60_000);
    expect(await poller().tick()).toBe(0);
    clock.advance(60_000);
    expect(await poller().tick()).toBe(CASES);
    const warned = await alerts();
    expect(warned).toHaveLength(CASES);
    expect(warned[0]).toMatchObject({
      type: 'SlaWarned',
      actor: 'heard:sla',
      data: { target: 'resolution', cycle: 1, dueAt: hours(1), at: hours(0.8) },
    });
    await project();
    clock.advance(12 * 60_000 + 500);
    expect(await poller().tick()).toBe(CASES);
    await project();
    const breaches = (await alerts()).filter((e) => e.type === 'SlaBreached');
    expect(breaches.map((e) => e.streamId).sort()).toEqual(caseIds.map(caseStreamId).sort());
    expect(breaches[0].data).toMatchObject({ dueAt: hours(1), lateByMs: 500 });
    expect(await dataSource.getRepository(SlaTimer).count()).toBe(0);
  });

  it('counts what each tick fired and how late, and logs the ticks that took timers', async () => {
    const registry = new Registry();
    const lines: string[] = [];
    const observed = poller({
      onTick: new SlaTimerMetrics(registry).observe,
      log: (line) => lines.push(line),
    });
    const metric = async (name: string) =>
      (await registry.getSingleMetricAsString(name)).split('\n');
    expect(await observed.tick()).toBe(0);
    clock.advance(48 * 60_000);
    expect(await observed.tick()).toBe(CASES);
    await project();
    clock.advance(12 * 60_000 + 500);
    expect(await observed.tick()).toBe(CASES);
    expect(await metric('heard_sla_timers_fired_total')).toEqual(
      expect.arrayContaining([
        `heard_sla_timers_fired_total{kind="warn"} ${CASES}`,
        `heard_sla_timers_fired_total{kind="breach"} ${CASES}`,
      ]),
    );
    // Each warning fired at its due time, each breach half a second after it.
    expect(await metric('heard_sla_timer_delay_seconds')).toEqual(
      expect.arrayContaining([
        `heard_sla_timer_delay_seconds_bucket{le="0.1",kind="warn"} ${CASES}`,
        `heard_sla_timer_delay_seconds_bucket{le="0.25",kind="breach"} 0`,
        `heard_sla_timer_delay_seconds_bucket{le="0.5",kind="breach"} ${CASES}`,
        `heard_sla_timer_delay_seconds_sum{kind="breach"} ${CASES * 0.5}`,
      ]),
    );
    expect(await metric('heard_sla_timer_poll_duration_seconds')).toContain(
      'heard_sla_timer_poll_duration_seconds_count 3',
    );
    // A restart that lost its marks takes the breaches again: each case's stream owes none.
    await dataSource.createQueryBuilder().update(SlaTimer).set({ firedAt: null }).execute();
    expect(await observed.tick()).toBe(CASES);
    expect(await metric('heard_sla_timers_unfired_total')).toEqual(
      expect.arrayContaining([
        `heard_sla_timers_unfired_total{outcome="stale"} ${CASES}`,
        'heard_sla_timers_unfired_total{outcome="failed"} 0',
      ]),
    );
    expect(await metric('heard_sla_timers_fired_total')).toContain(
      `heard_sla_timers_fired_total{kind="breach"} ${CASES}`,
    );
    expect(lines).toHaveLength(3);
    expect(lines[2]).toContain(`0 breach(es) fired, 0 already recorded, ${CASES} no longer owed`);
    expect(lines[1]).toMatch(
      new RegExp(
        `^sla-timer-poller: ${CASES} due timer\\(s\\) in \\d+ ms: 0 warning\\(s\\) and ${CASES} breach\\(es\\) fired, 0 already recorded, 0 no longer owed, 0 failed$`,
      ),
    );
    expect(lines.join('\n')).not.toMatch(/c-\d/);
  });

  it('lets two pollers at once, and a restart that lost its marks, append nothing twice', async () => {
    clock.advance(3600_000);
    const [a, b] = [poller(), poller()];
    const taken = await Promise.all([a.tick(), b.tick(), a.tick(), b.tick()]);
    const total = taken.reduce((x, y) => x + y, 0);
    if (exclusive) expect(total).toBe(2 * CASES);
    else expect(total).toBeGreaterThanOrEqual(2 * CASES);
    // A crash between the appends and the marks: every row is due again.
    await dataSource.createQueryBuilder().update(SlaTimer).set({ firedAt: null }).execute();
    expect(await poller().tick()).toBe(2 * CASES);
    const byCase = new Map<string, string[]>();
    for (const e of await alerts())
      byCase.set(e.streamId, [...(byCase.get(e.streamId) ?? []), e.type]);
    expect(byCase.size).toBe(CASES);
    for (const types of byCase.values()) expect(types.sort()).toEqual(['SlaBreached', 'SlaWarned']);
  });

  it('fires on start what came due while nothing ran, and not a timer whose case was resolved', async () => {
    const resolved: CaseEvent = {
      type: 'CaseResolved',
      data: {
        by: { id: 'A-1', role: 'agent' },
        at: hours(0.5),
        code: 'x',
        summary: 'x',
        customerMessage: 'x',
      },
    };
    // Resolved in the stream, and the projection not there yet: the stream decides.
    await store.append(caseStreamId('c-0'), [resolved], { expectedVersion: 2 });
    clock.advance(5 * 3600_000);
    const restarted = poller();
    restarted.start();
    try {
      const deadline = Date.now() + 10_000;
      while ((await alerts()).length < 2 * (CASES - 1) && Date.now() < deadline) {
        await new Promise((resolve) => setImmediate(resolve));
      }
    } finally {
      await restarted.stop();
    }
    const fired = await alerts();
    expect(fired).toHaveLength(2 * (CASES - 1));
    expect(fired.some((e) => e.streamId === caseStreamId('c-0'))).toBe(false);
  });
});
