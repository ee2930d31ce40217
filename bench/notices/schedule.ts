/**
 * `npm run bench:notices:schedule`: an improvement linked to BENCH_NOTICES_CUSTOMERS (default
 * 100,000) customers who all consented, one item each. Times the outer loop from the moment
 * ImprovementShipped is appended until the reactor's checkpoint passes it, which it does only once
 * every NoticeScheduled is appended (the issue asks ≤ 30 s), beside the peer in the same run: a
 * plain `scheduleNotice` of the same number of notices at the same concurrency, without reading
 * anything. On the embedded default (SQLite events, keys and read models) and on PostgreSQL
 * (events, keys and checkpoint in a fresh database; BENCH_NOTICES_STORES=sqlite skips it).
 * Figures, not assertions.
 */
import 'reflect-metadata';
import { loadConfig } from '@heard/config';
import { changePreferences } from '@heard/customers';
import { EventStore, handleCommand, systemClock } from '@heard/event-store';
import {
  improvementDecider,
  improvementStreamId,
  scheduleNotice,
  youChangedThisNoticeId,
} from '@heard/loop';
import { youChangedThisReactor } from '@heard/loop/subscriptions';
import { ProjectionCheckpointEntity, ReactorRunner } from '@heard/projections';
import { createHeardEventStore, createReadModelDataSource } from '@heard/runtime';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { BenchSection } from './section';

const CUSTOMERS = Number(process.env.BENCH_NOTICES_CUSTOMERS ?? 100_000);
const CONCURRENCY = Number(process.env.BENCH_NOTICES_CONCURRENCY ?? 256);
const STORES = (process.env.BENCH_NOTICES_STORES ?? 'sqlite,postgres').split(',');
const ADMIN_URL =
  process.env.BENCH_POSTGRES_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const AT = '2026-11-20T10:00:00.000Z';
const MASTER_KEY = randomBytes(32).toString('base64');

const customerId = (i: number) => `bench-c-${i}`;

async function inLanes(count: number, lanes: number, fn: (i: number) => Promise<unknown>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: lanes }, async () => {
      for (let i = next++; i < count; i = next++) await fn(i);
    }),
  );
}

async function seed(store: EventStore, improvementId: string): Promise<void> {
  await inLanes(CUSTOMERS, CONCURRENCY, (i) =>
    changePreferences(store, {
      type: 'SetPreferences',
      customerId: customerId(i),
      channels: [{ channel: 'email', address: `${customerId(i)}@example.com` }],
      locale: 'en',
      consents: { you_changed_this: { given: true, how: 'api' } },
      quietHours: null,
      by: customerId(i),
      at: AT,
    }),
  );
  const on = (command: Parameters<typeof improvementDecider.decide>[0]) =>
    handleCommand(store, improvementStreamId(improvementId), improvementDecider, command);
  await on({
    type: 'ProposeImprovement',
    improvementId,
    title: 'Second till at peak hours',
    description: 'A second till opens whenever more than four people queue',
    storeIds: [],
    categories: ['queue'],
    owner: 'cx-1',
    by: 'cx-1',
    at: AT,
  });
  const feedback = Array.from({ length: CUSTOMERS }, (_, i) => ({
    feedbackId: `bench-f-${i}`,
    customerId: customerId(i),
  }));
  await on({ type: 'LinkFeedback', feedback, by: 'cx-1', at: AT });
}

/** The same number of NoticeScheduled, appended as the reactor appends them, nothing read first. */
async function plainAppends(store: EventStore): Promise<number> {
  const started = performance.now();
  await inLanes(CUSTOMERS, CONCURRENCY, (i) =>
    scheduleNotice(store, {
      noticeId: youChangedThisNoticeId(customerId(i), 'peer'),
      kind: 'you_changed_this',
      recipient: { customerId: customerId(i) },
      refs: { improvementId: 'peer', feedbackIds: [`bench-f-${i}`] },
      channel: 'email',
      notBefore: AT,
      at: AT,
    }),
  );
  return (performance.now() - started) / 1000;
}

/** From ImprovementShipped appended to the reactor's checkpoint past it. */
async function outerLoop(store: EventStore, readModels: DataSource, improvementId: string) {
  const runner = new ReactorRunner(
    youChangedThisReactor({ store, concurrency: CONCURRENCY }),
    store,
    readModels,
  );
  await runner.start();
  while (!runner.status().live) await new Promise((r) => setTimeout(r, 10));
  const started = performance.now();
  const shipped = await handleCommand(
    store,
    improvementStreamId(improvementId),
    improvementDecider,
    { type: 'ShipImprovement', messages: { en: 'A second till opens' }, by: 'cx-1', at: AT },
  );
  const position = (await store.readStream(improvementStreamId(improvementId))).at(-1)!;
  if (shipped.events.length !== 1) throw new Error('the improvement did not ship');
  while (runner.status().checkpoint < position.globalPosition) {
    const status = runner.status();
    if (status.state === 'failed') throw new Error(`reactor failed: ${status.error}`);
    await new Promise((r) => setTimeout(r, 5));
  }
  const seconds = (performance.now() - started) / 1000;
  await runner.stop();
  return seconds;
}

async function countScheduled(store: EventStore): Promise<number> {
  let count = 0;
  for (let after = 0n; ;) {
    const page = await store.readAll({ after, limit: 10_000 });
    if (page.length === 0) return count;
    count += page.filter((e) => e.type === 'NoticeScheduled').length;
    after = page[page.length - 1].globalPosition;
  }
}

function line(label: string, seconds: number) {
  const rate = (CUSTOMERS / seconds).toFixed(0).padStart(9);
  console.log(`${label.padEnd(58)} ${seconds.toFixed(2).padStart(7)} s ${rate} notices/s`);
}

async function run(name: string, env: Record<string, string>): Promise<void> {
  const config = loadConfig({ ...env, HEARD_MASTER_KEY: MASTER_KEY });
  const heard = await createHeardEventStore(config, systemClock);
  const readModels = await createReadModelDataSource(config, [ProjectionCheckpointEntity]);
  try {
    const improvementId = `bench-${Date.now()}`;
    await seed(heard.store, improvementId);
    const peer = await plainAppends(heard.store);
    const ours = await outerLoop(heard.store, readModels, improvementId);
    const scheduled = (await countScheduled(heard.raw)) - CUSTOMERS;
    line(`${name}: peer, plain scheduleNotice x ${CUSTOMERS}`, peer);
    line(`${name}: shipped → every NoticeScheduled (target ≤ 30 s)`, ours);
    console.log(
      `${`${name}: outer loop / plain appends (time)`.padEnd(58)} ${(ours / peer).toFixed(2)}x` +
        `  scheduled ${scheduled} of ${CUSTOMERS}`,
    );
  } finally {
    await readModels.destroy();
    await heard.store.close();
  }
}

async function scheduleAll(): Promise<void> {
  console.log(`outer loop scheduling: ${CUSTOMERS} customers, concurrency ${CONCURRENCY}`);
  if (STORES.includes('sqlite')) {
    const dir = mkdtempSync(join(tmpdir(), 'heard-bench-notices-'));
    try {
      await run('SQLite', { DATA_DIR: dir });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  if (STORES.includes('postgres')) {
    const name = `heard_bench_notices_${Date.now()}`;
    const admin = new Client({ connectionString: ADMIN_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(ADMIN_URL);
    url.pathname = `/${name}`;
    const dir = mkdtempSync(join(tmpdir(), 'heard-bench-notices-'));
    try {
      await run('PostgreSQL', {
        DATA_DIR: dir,
        EVENT_STORE: 'postgres',
        DATABASE_URL: url.toString(),
        JWT_SECRET: randomBytes(32).toString('base64'),
      });
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

/** `bench:notices` section `schedule`; `npm run bench:notices:schedule` runs it alone. */
export const scheduleSection: BenchSection = { name: 'schedule', run: scheduleAll };

if (require.main === module) {
  scheduleAll().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
