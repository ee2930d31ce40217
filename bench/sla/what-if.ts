/**
 * The what-if section of `npm run bench:sla`: BENCH_SLA_WHAT_IF_CASES (default 100,000) recorded
 * cases in the sla-compliance read model, replayed under a draft policy list, against the
 * compliance query over the same cases' targets and a plain SQL aggregate of the same rows (the
 * peers). Rows are written as the projection leaves them, computed by the same pure fold.
 */
import { handleCommand } from '@heard/event-store';
import { InMemoryEventStore } from '@heard/event-store/testing';
import { ensureTables, inTransaction } from '@heard/projections';
import { ReadModelDatabaseFactory } from '@heard/projections/testing';
import {
  BusinessCalendar,
  calendarDecider,
  calendarStreamId,
  measureTargets,
  SLA_POLICIES_STREAM_ID,
  SlaFact,
  slaCycles,
  slaPoliciesDecider,
  SlaPolicyDraft,
  slaPolicySetOf,
  validatePolicySet,
  ComplianceGroup,
} from '@heard/sla';
import {
  SlaComplianceCase,
  slaComplianceProjection,
  SlaComplianceTarget,
  slaCompliance,
  slaWhatIf,
} from '@heard/sla/subscriptions';
import { cpus, loadavg } from 'node:os';
import { DataSource, EntityManager } from 'typeorm';

const CASES = Number(process.env.BENCH_SLA_WHAT_IF_CASES ?? 100_000);
const RUNS = 3;
const STORES = 200;
const REGIONS = 10;
const M = 60_000;
const H = 60 * M;
const DAY = 24 * H;
/** Cases open over 30 days; the report is asked two weeks after the last opened. */
const FIRST_OPENED = Date.parse('2026-10-01T00:00:00.000Z');
const SPAN = 30 * DAY;
const NOW = new Date(FIRST_OPENED + SPAN + 14 * DAY);
const AT = '2026-09-01T00:00:00.000Z';

const business = (duration: string) => ({ duration, calendar: 'business' });
const always = (duration: string) => ({ duration, calendar: '24x7' });
const escalation = [{ to: { kind: 'region_lead' }, mode: 'owner', target: business('PT4H') }];
const published = {
  policies: [
    {
      policyId: 'urgent',
      name: 'Urgent',
      match: { priorities: ['urgent'] },
      targets: { firstResponse: always('PT30M'), resolution: business('PT8H') },
      escalation,
    },
  ] as SlaPolicyDraft[],
  defaultPolicy: {
    policyId: 'standard',
    name: 'Everything else',
    targets: {
      firstResponse: business('PT4H'),
      nextUpdate: always('PT24H'),
      resolution: business('PT72H'),
    },
    escalation,
  } as SlaPolicyDraft,
};
const draft = validatePolicySet(
  [
    {
      ...published.policies[0],
      targets: { firstResponse: always('PT1H'), resolution: business('PT12H') },
    },
  ],
  {
    ...published.defaultPolicy,
    targets: {
      firstResponse: business('PT8H'),
      nextUpdate: always('PT48H'),
      resolution: business('P5D'),
    },
  },
);
const open = [{ from: '08:00', to: '22:00' }];
const week = { mon: open, tue: open, wed: open, thu: open, fri: open, sat: open, sun: [] };

/** Deterministic, so both databases hold the same cases. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

interface SeedCase {
  readonly caseId: string;
  readonly store: number;
  readonly facts: SlaFact[];
}

/** Acknowledged or not, replies, a wait for the customer, resolved, now and then reopened. */
function caseOf(i: number, next: () => number): SeedCase {
  const store = i % STORES;
  const openedAt = FIRST_OPENED + Math.floor((i * SPAN) / CASES);
  const iso = (ms: number) => new Date(openedAt + ms).toISOString();
  const facts: SlaFact[] = [
    {
      type: 'opened',
      at: iso(0),
      priority: next() < 0.1 ? 'urgent' : 'normal',
      category: ['queue', 'staff', 'price', 'freshness', 'cleanliness'][i % 5],
      channel: 'store',
      kind: 'complaint',
      storeId: `S-${store}`,
      regionId: `R-${store % REGIONS}`,
    },
  ];
  let t = 0;
  const later = (maxMs: number) => (t += Math.floor(next() * maxMs) + M);
  if (next() < 0.8) facts.push({ type: 'acknowledged', at: iso(later(8 * H)) });
  for (let r = Math.floor(next() * 3); r > 0; r--) {
    facts.push({ type: 'public_reply', at: iso(later(30 * H)) });
  }
  if (next() < 0.2) {
    facts.push({ type: 'paused', at: iso(later(6 * H)) });
    facts.push({ type: 'resumed', at: iso(later(24 * H)) });
  }
  if (next() < 0.9) {
    facts.push({ type: 'resolved', at: iso(later(96 * H)) });
    if (next() < 0.05) {
      facts.push({ type: 'reopened', at: iso(later(48 * H)) });
      facts.push({ type: 'resolved', at: iso(later(72 * H)) });
    }
  }
  return { caseId: `bench-${i}`, store, facts };
}

/** The published set and the calendar through their deciders, into the projection's own table. */
async function seedConfig(dataSource: DataSource) {
  const store = new InMemoryEventStore();
  await handleCommand(store, SLA_POLICIES_STREAM_ID, slaPoliciesDecider, {
    type: 'PublishSlaPolicies',
    ...published,
    at: AT,
    by: 'bench',
  });
  await handleCommand(store, calendarStreamId('bench-shops'), calendarDecider, {
    type: 'PutCalendar',
    calendarId: 'bench-shops',
    timeZone: 'Europe/Kyiv',
    week,
    specialDays: [],
    at: AT,
    by: 'bench',
  });
  const events = await store.readAll();
  await inTransaction(dataSource, async (manager) => {
    for (const event of events) await slaComplianceProjection.apply(event, manager);
  });
  const set = slaPolicySetOf(await store.readStream(SLA_POLICIES_STREAM_ID), 1);
  if (set === null) throw new Error('the published set does not read back');
  const calendar: BusinessCalendar = {
    calendarId: 'bench-shops',
    version: 1,
    timeZone: 'Europe/Kyiv',
    week,
    specialDays: [],
  };
  return { set, calendar };
}

/** One multi-row INSERT: TypeORM's insert builder costs more per row than the database does. */
async function insertRows<T extends object>(
  manager: EntityManager,
  entity: new () => T,
  rows: readonly T[],
): Promise<void> {
  const { columns, tablePath } = manager.connection.getMetadata(entity);
  const postgres = manager.connection.options.type === 'postgres';
  const params: unknown[] = [];
  const tuples = rows.map((row) => {
    const slots = columns.map((column) => {
      const value = column.getEntityValue(row) as unknown;
      params.push(value instanceof Date ? value.toISOString() : value);
      return postgres ? `$${params.length}` : '?';
    });
    return `(${slots.join(', ')})`;
  });
  const names = columns.map((column) => `"${column.databaseName}"`).join(', ');
  await manager.query(`INSERT INTO ${tablePath} (${names}) VALUES ${tuples.join(', ')}`, params);
}

/** Case rows and target rows as the projection leaves them; half the stores have the calendar. */
async function seedCases(dataSource: DataSource): Promise<number> {
  const { set, calendar } = await seedConfig(dataSource);
  const next = random(20261201);
  let targets = 0;
  const BATCH = 500;
  for (let i = 0; i < CASES; i += BATCH) {
    const cases: SlaComplianceCase[] = [];
    const rows: SlaComplianceTarget[] = [];
    for (let j = i; j < Math.min(i + BATCH, CASES); j++) {
      const seed = caseOf(j, next);
      const withCalendar = seed.store % 2 === 0;
      const clock = slaCycles(
        seed.facts,
        set,
        withCalendar ? calendar : { timeZone: 'Europe/Kyiv' },
      );
      if (clock === null) throw new Error('a seeded case without its opening');
      const groups = {
        store: `S-${seed.store}`,
        region: `R-${seed.store % REGIONS}`,
        team: `T-${j % 7}`,
        owner: `M-${seed.store}`,
        policy: clock.policyId,
      };
      cases.push({
        caseId: seed.caseId,
        version: seed.facts.length + 2,
        openedAt: new Date(seed.facts[0].at),
        storeId: groups.store,
        regionId: groups.region,
        teamId: groups.team,
        ownerId: groups.owner,
        facts: JSON.stringify(seed.facts),
        policyId: clock.policyId,
        policySetVersion: 1,
        builtInResolution: null,
        calendarId: withCalendar ? 'bench-shops' : null,
        calendarVersion: withCalendar ? 1 : null,
        timeZone: 'Europe/Kyiv',
      });
      for (const t of measureTargets(clock, seed.facts, null)) {
        const instant = (ms: number | null) => (ms === null ? null : new Date(ms));
        rows.push({
          caseId: seed.caseId,
          kind: t.kind,
          cycle: t.cycle,
          dueAt: instant(t.dueAt),
          state: t.state,
          doneAt: instant(t.doneAt),
          businessMs: t.businessMs,
          wallClockMs: t.wallClockMs,
          storeId: groups.store,
          regionId: groups.region,
          teamId: groups.team,
          ownerId: groups.owner,
          policyId: groups.policy,
        });
      }
    }
    targets += rows.length;
    await inTransaction(dataSource, async (manager) => {
      await insertRows(manager, SlaComplianceCase, cases);
      for (let k = 0; k < rows.length; k += BATCH) {
        await insertRows(manager, SlaComplianceTarget, rows.slice(k, k + BATCH));
      }
    });
  }
  return targets;
}

interface Timed<T> {
  /** Wall-clock time of each run. */
  readonly ms: number[];
  /** CPU time this process spent in each run (a database server's is not in it). */
  readonly cpuMs: number[];
  readonly result: T;
}

async function timed<T>(runs: number, work: () => Promise<T>): Promise<Timed<T>> {
  const ms: number[] = [];
  const cpuMs: number[] = [];
  let result: T | undefined;
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    const cpu0 = process.cpuUsage();
    result = await work();
    const cpu = process.cpuUsage(cpu0);
    ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
    cpuMs.push((cpu.user + cpu.system) / 1000);
  }
  return { ms, cpuMs, result: result as T };
}

const median = (values: readonly number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const total = (groups: readonly ComplianceGroup[], field: 'due' | 'met' | 'breached') =>
  groups.reduce(
    (sum, g) =>
      sum +
      g.targets.firstResponse[field] +
      g.targets.nextUpdate[field] +
      g.targets.resolution[field],
    0,
  );
const runs = (t: Timed<unknown>) =>
  `${t.ms.map((v) => v.toFixed(0)).join(' / ')} ms, median ${median(t.ms).toFixed(0)} ms (CPU here ${median(t.cpuMs).toFixed(0)} ms)`;

export async function runWhatIf(name: string, factory: ReadModelDatabaseFactory): Promise<void> {
  const database = await factory();
  try {
    const entities = slaComplianceProjection.entities;
    const dataSource = await database.open(entities);
    await ensureTables(dataSource, entities);
    const seeding = Date.now();
    const targets = await seedCases(dataSource);
    const seededMs = Date.now() - seeding;
    const period = {
      from: new Date(FIRST_OPENED),
      to: new Date(FIRST_OPENED + SPAN),
      groupBy: 'store' as const,
      regionIds: null,
      now: NOW,
    };
    const whatIf = await timed(RUNS, () => slaWhatIf(dataSource, { ...period, draft }));
    // Every target of the same cases: due from their opening to well past the last of them.
    const allDue = { ...period, to: new Date(FIRST_OPENED + SPAN + 60 * DAY) };
    const compliance = await timed(RUNS, () => slaCompliance(dataSource, allDue));
    const table = dataSource.getMetadata(SlaComplianceTarget).tablePath;
    const p = (n: number) => (dataSource.options.type === 'postgres' ? `$${n}` : '?');
    const aggregate = await timed(RUNS, () =>
      dataSource.query(
        `SELECT store_id, kind, COUNT(*) AS due, SUM(CASE WHEN state = 'met' THEN 1 ELSE 0 END) AS met
         FROM ${table} WHERE due_at >= ${p(1)} AND due_at < ${p(2)} GROUP BY store_id, kind`,
        [allDue.from.toISOString(), allDue.to.toISOString()],
      ),
    );
    const { actual, draft: drafted, cases } = whatIf.result;
    const w = median(whatIf.ms);
    console.log(
      `what-if on ${name}: ${cases.toLocaleString('en')} recorded cases, ${targets.toLocaleString('en')} targets`,
    );
    console.log(
      `  seeding the read model: ${seededMs} ms;  load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')} on ${cpus().length} cores`,
    );
    console.log(
      `  what-if (${RUNS} runs): ${runs(whatIf)}  (target ≤ 5000 ms)  ${((cases / w) * 1000).toFixed(0)} cases/s`,
    );
    console.log(
      `    actual: ${total(actual, 'due')} targets, ${total(actual, 'met')} met, ${total(actual, 'breached')} breached;  draft: ${total(drafted, 'due')} targets, ${total(drafted, 'met')} met, ${total(drafted, 'breached')} breached  (${actual.length} stores)`,
    );
    console.log(
      `  peer: compliance over the same cases' targets (${RUNS} runs): ${runs(compliance)}  (${total(compliance.result, 'due')} targets)`,
    );
    console.log(`  peer: plain SQL aggregate of the same rows (${RUNS} runs): ${runs(aggregate)}`);
    console.log(
      `  ratio what-if / compliance: ${(w / median(compliance.ms)).toFixed(2)}x   what-if / SQL aggregate: ${(w / median(aggregate.ms)).toFixed(2)}x`,
    );
  } finally {
    await database.dispose();
  }
}
