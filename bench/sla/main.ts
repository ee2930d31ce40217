/**
 * `npm run bench:sla`: 1,000,000 open SLA timers, 5,000 of them due within the same second. Reports
 * the breach detection delay (from each due time to its SlaBreached appended) at p50 and p99,
 * against the issue's p99 ≤ 1.5 s, and what an idle poller tick costs over the million rows.
 * Then the sla-cases projection over the log those cases wrote (opened, SLA applied, breached), in
 * batches of 500 events a transaction as a runner catches up: one event at a time (`apply`, the
 * peer) against the batch at once (`applyAll`).
 * Events in a SQLite file; read models in a SQLite file (the embedded default) and in PostgreSQL
 * (TEST_DATABASE_URL, else the tests' server; BENCH_SLA_STORES=sqlite skips it). Figures, not assertions.
 * Then a what-if over 100,000 recorded cases on both (./what-if.ts).
 */
import 'reflect-metadata';
import { caseStreamId } from '@heard/cases';
import { caseOpened } from '@heard/cases/testing';
import { systemClock } from '@heard/event-store';
import { SqliteEventStore } from '@heard/event-store-sqlite';
import { RecordedEvent } from '@heard/event-store';
import { ensureTables, inTransaction } from '@heard/projections';
import {
  postgresSchemaDatabase,
  ReadModelDatabaseFactory,
  sqliteFileDatabase,
} from '@heard/projections/testing';
import { builtInPolicySet } from '@heard/sla';
import {
  slaCasesProjection,
  SlaSources,
  SlaTimer,
  SlaTimerPoller,
  slaProjections,
} from '@heard/sla/subscriptions';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { Figures, percentile, printFigures, printRatio } from '../report';
import { runWhatIf } from './what-if';

const OPEN = Number(process.env.BENCH_SLA_OPEN ?? 1_000_000);
const DUE = Number(process.env.BENCH_SLA_DUE ?? 5_000);
const IDLE_TICKS = 200;
const HOUR = 3_600_000;
/** A schema of its own in this database, dropped afterwards. */
const POSTGRES_URL =
  process.env.TEST_DATABASE_URL ??
  process.env.TEST_POSTGRES_ADMIN_URL ??
  'postgres://postgres@127.0.0.1:5432/test';

const entities = slaProjections.flatMap((p) => p.entities);

/** With its schema on PostgreSQL, where the bench's read models have one of their own. */
const timersTable = (dataSource: DataSource): string => dataSource.getMetadata(SlaTimer).tablePath;

/** Timers due long after the bench: rows only, as the projection would have left them. */
async function insertFutureTimers(dataSource: DataSource, count: number): Promise<void> {
  const far = Date.now() + 30 * 24 * HOUR;
  for (let i = 0; i < count; i += 1_000) {
    const values = Array.from({ length: Math.min(1_000, count - i) }, (_, j) => {
      const due = new Date(far + ((i + j) % 86_400_000)).toISOString();
      return `('open-${i + j}','resolution',1,'breach','${due}',NULL)`;
    }).join(',');
    await dataSource.query(
      `INSERT INTO ${timersTable(dataSource)} (case_id, target, cycle, kind, due_at, fired_at) VALUES ${values}`,
    );
  }
}

/** Cases whose resolution (PT1H, 24x7) is due at `dueAt(i)`, each with its timer row. */
async function seedDueCases(
  store: SqliteEventStore,
  dataSource: DataSource,
  dueAt: (i: number) => Date,
): Promise<void> {
  for (let i = 0; i < DUE; i += 100) {
    const batch = Array.from({ length: Math.min(100, DUE - i) }, (_, j) => i + j);
    await Promise.all(
      batch.map((n) => {
        const caseId = `due-${n}`;
        const at = new Date(dueAt(n).getTime() - HOUR).toISOString();
        return store.append(
          caseStreamId(caseId),
          [
            caseOpened({ caseId, at }),
            {
              type: 'SlaApplied',
              data: {
                policyId: 'built-in-default',
                policySetVersion: 0,
                calendarId: null,
                calendarVersion: null,
                timeZone: 'UTC',
                builtInResolution: 'PT1H',
                at,
              },
            },
          ],
          { expectedVersion: 'no_stream' },
        );
      }),
    );
    const values = batch
      .map((n) => `('due-${n}','resolution',1,'breach','${dueAt(n).toISOString()}',NULL)`)
      .join(',');
    await dataSource.query(
      `INSERT INTO ${timersTable(dataSource)} (case_id, target, cycle, kind, due_at, fired_at) VALUES ${values}`,
    );
  }
}

/** As a runner catching up reads the log. */
const PROJECTION_BATCH = 500;

/** The projection over `events` into empty tables, one transaction a batch. */
async function project(
  factory: ReadModelDatabaseFactory,
  events: readonly RecordedEvent[],
  label: string,
  batchAtOnce: boolean,
): Promise<Figures> {
  const database = await factory();
  try {
    const dataSource = await database.open([...slaCasesProjection.entities]);
    await ensureTables(dataSource, slaCasesProjection.entities);
    const started = process.hrtime.bigint();
    for (let i = 0; i < events.length; i += PROJECTION_BATCH) {
      const batch = events
        .slice(i, i + PROJECTION_BATCH)
        .filter((e) => slaCasesProjection.canHandle(e.type));
      await inTransaction(dataSource, async (manager) => {
        if (batchAtOnce && slaCasesProjection.applyAll) {
          await slaCasesProjection.applyAll(batch, manager);
        } else {
          for (const event of batch) await slaCasesProjection.apply(event, manager);
        }
      });
    }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    return { label, count: events.length, seconds };
  } finally {
    await database.dispose();
  }
}

async function run(name: string, factory: ReadModelDatabaseFactory): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'heard-bench-sla-'));
  const store = new SqliteEventStore(join(dir, 'events.sqlite'));
  const database = await factory();
  try {
    const dataSource = await database.open(entities);
    await ensureTables(dataSource, entities);
    let started = Date.now();
    await insertFutureTimers(dataSource, OPEN - DUE);
    const seededFuture = Date.now() - started;
    // All due within one second, starting once the seeding and the idle ticks are done.
    const dueBase = Date.now() + 20_000 + DUE * 2;
    started = Date.now();
    await seedDueCases(store, dataSource, (n) => new Date(dueBase + (n % 1_000)));
    const seededDue = Date.now() - started;

    const delays: number[] = [];
    const poller = new SlaTimerPoller({
      store,
      dataSource,
      clock: systemClock,
      sources: new SlaSources(store, builtInPolicySet()),
      onFired: (timer, outcome) => {
        if (outcome === 'fired') delays.push(Date.now() - timer.dueAt.getTime());
      },
    });
    const idle: number[] = [];
    for (let i = 0; i < IDLE_TICKS && Date.now() < dueBase - 2_000; i++) {
      const t0 = process.hrtime.bigint();
      if ((await poller.tick()) !== 0) throw new Error('a timer was due before its time');
      idle.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    poller.start();
    const deadline = dueBase + 120_000;
    while (delays.length < DUE && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await poller.stop();
    const sortedIdle = [...idle].sort((a, b) => a - b);
    const sorted = [...delays].sort((a, b) => a - b);
    console.log(
      `read models on ${name}: ${OPEN.toLocaleString('en')} open timers, ${DUE} due in one second`,
    );
    console.log(
      `  seeding: ${(OPEN - DUE).toLocaleString('en')} future rows ${seededFuture} ms, ${DUE} due cases ${seededDue} ms`,
    );
    console.log(
      `  idle tick (${idle.length} ticks): mean ${(idle.reduce((a, b) => a + b, 0) / idle.length).toFixed(2)} ms  p50 ${percentile(sortedIdle, 50).toFixed(2)} ms  p99 ${percentile(sortedIdle, 99).toFixed(2)} ms`,
    );
    console.log(
      `  breach detection delay (${delays.length}/${DUE} fired): p50 ${percentile(sorted, 50)} ms  p99 ${percentile(sorted, 99)} ms  max ${sorted.at(-1)} ms  (target p99 ≤ 1500 ms)`,
    );
    const log = await store.readAll({ limit: 10 * DUE });
    const oneByOne = await project(
      factory,
      log,
      '  sla-cases projection, one event at a time',
      false,
    );
    const atOnce = await project(factory, log, '  sla-cases projection, a batch at once', true);
    printFigures(oneByOne);
    printFigures(atOnce);
    printRatio('  a batch at once / one event at a time', atOnce, oneByOne);
  } finally {
    await store.close();
    await database.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `npm run bench:sla -- timers` or `-- what-if` runs one part; both by default. */
async function main(): Promise<void> {
  const part = process.argv[2];
  const postgres = process.env.BENCH_SLA_STORES !== 'sqlite';
  if (part === undefined || part === 'timers') {
    await run('SQLite (embedded default)', sqliteFileDatabase);
    if (postgres) await run('PostgreSQL', postgresSchemaDatabase(POSTGRES_URL));
  }
  if (part === undefined || part === 'what-if') {
    await runWhatIf('SQLite (embedded default)', sqliteFileDatabase);
    if (postgres) await runWhatIf('PostgreSQL', postgresSchemaDatabase(POSTGRES_URL));
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
