/**
 * PostgreSQL event store beside Emmett's, in two schemas of one fresh database, with pools of
 * the same size: single-event appends from 1, 8 and 32 writers, batches of 100 events, a full
 * read of the log, and (ours) a subscription catching up from zero over 1,000,000 events.
 * BENCH_DATABASE_URL runs it in an existing database instead.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fdatasyncSync,
  mkdtempSync,
  openSync,
  readdirSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { STREAM_DOES_NOT_EXIST } from '@event-driven-io/emmett';
import {
  getPostgreSQLEventStore,
  PostgresEventStore as EmmettStore,
  readMessagesBatch,
} from '@event-driven-io/emmett-postgresql';
import { dumbo } from '@event-driven-io/dumbo';
import { NewEvent } from '@heard/event-store';
import { GroupCommitStats, PostgresEventStore } from '@heard/event-store-postgres';
import { Client, Pool } from 'pg';
import { Figures, printFigures, printRatio, timed } from '../report';

const POOL_SIZE = 32;
const CATCH_UP_EVENTS = 1_000_000;
const ADMIN_URL =
  process.env.BENCH_POSTGRES_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const feedback = (n: number) => ({
  kind: 'complaint',
  channel: 'store',
  storeId: `store-${n % 3000}`,
  rating: 2,
  text: 'The queue at the checkout was far too long this morning',
  n,
});
const ours = (n: number): NewEvent => ({ type: 'FeedbackReceived', data: feedback(n) });
const theirs = (n: number) => ({ type: 'FeedbackReceived', data: feedback(n) });

const seconds = (since: bigint): number => Number(process.hrtime.bigint() - since) / 1e9;

interface Stores {
  readonly heard: PostgresEventStore;
  readonly heardPool: Pool;
  readonly emmett: EmmettStore;
  readonly emmettPool: Pool;
  readonly url: string;
}

/** A fresh database (dropped afterwards), or BENCH_DATABASE_URL, where only our schemas go. */
async function benchDatabase(): Promise<{ url: string; drop(schemas: string[]): Promise<void> }> {
  const given = process.env.BENCH_DATABASE_URL;
  if (given) {
    return {
      url: given,
      drop: async (schemas) => {
        const client = new Client({ connectionString: given });
        await client.connect();
        for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await client.end();
      },
    };
  }
  const name = `heard_bench_${Date.now()}`;
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new Client({ connectionString: ADMIN_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/** fsyncs per second of this machine: pg_test_fsync's figure for the server's wal_sync_method. */
async function fsyncRate(url: string): Promise<string> {
  const client = new Client({ connectionString: url });
  await client.connect();
  const method = (
    await client.query<{ m: string }>('SELECT current_setting($1) AS m', ['wal_sync_method'])
  ).rows[0].m;
  await client.end();
  const versions = existsSync('/usr/lib/postgresql') ? readdirSync('/usr/lib/postgresql') : [];
  const tool = versions.map((v) => `/usr/lib/postgresql/${v}/bin/pg_test_fsync`).find(existsSync);
  const dir = mkdtempSync(join(tmpdir(), 'heard-fsync-'));
  try {
    if (tool) {
      const rate = await pgTestFsync(tool, join(dir, 'probe'), method);
      if (rate) return `${rate} fsyncs/s (pg_test_fsync, ${method}, one 8 kB write)`;
    }
    return `${ownFsyncRate(join(dir, 'probe'))} fsyncs/s (8 kB write + fdatasync on a temp file)`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Reads pg_test_fsync's first table (one 8 kB write) and stops it there. */
function pgTestFsync(tool: string, file: string, method: string): Promise<string | null> {
  return new Promise((resolve) => {
    const child = spawn(tool, ['-s', '1', '-f', file]);
    let out = '';
    const finish = (rate: string | null) => {
      child.kill();
      resolve(rate);
    };
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out
        .split('\n')
        .find((l) => l.trim().startsWith(`${method} `) && l.includes('ops/sec'));
      if (line) finish(line.trim().split(/\s+/)[1]);
    });
    child.on('error', () => finish(null));
    child.on('exit', () => resolve(null));
  });
}

function ownFsyncRate(file: string): number {
  const fd = openSync(file, 'w');
  const page = Buffer.alloc(8192, 1);
  const started = process.hrtime.bigint();
  let count = 0;
  while (seconds(started) < 1) {
    writeSync(fd, page, 0, page.length, 0);
    fdatasyncSync(fd);
    count++;
  }
  closeSync(fd);
  return Math.round(count / seconds(started));
}

function printGroups(before: GroupCommitStats, after: GroupCommitStats): void {
  const groups = after.groups - before.groups;
  const appends = (after.appends - before.appends) / groups;
  console.log(`  heard: ${groups} transactions, ${appends.toFixed(1)} appends per group commit`);
}

/** Streams handed out one caller at a time: appends in flight never meet on a stream. */
function streamLender(prefix: string, size: number) {
  const free = Array.from({ length: size }, (_, i) => ({ id: `${prefix}-${i}`, version: 0 }));
  return async <T>(use: (stream: { id: string; version: number }) => Promise<T>): Promise<T> => {
    const stream = free.pop();
    if (!stream) throw new Error('more callers than streams');
    try {
      return await use(stream);
    } finally {
      free.push(stream);
    }
  };
}

async function singleEventAppends({ heard, emmett, url }: Stores): Promise<void> {
  for (const [writers, count] of [
    [1, 3_000],
    [8, 15_000],
    [32, 30_000],
  ]) {
    const run = `${writers}-${randomBytes(3).toString('hex')}`;
    const lendOurs = streamLender(`single-${run}`, writers * 4);
    const lendTheirs = streamLender(`single-${run}`, writers * 4);
    const before = heard.stats();
    const a = await timed(
      `heard  single-event appends, ${writers} writer(s)`,
      count,
      writers,
      (i) =>
        lendOurs(async (s) => {
          await heard.append(s.id, [ours(i)], { expectedVersion: s.version || 'no_stream' });
          s.version++;
        }),
    );
    const after = heard.stats();
    const b = await timed(
      `emmett single-event appends, ${writers} writer(s)`,
      count,
      writers,
      (i) =>
        lendTheirs(async (s) => {
          await emmett.appendToStream(s.id, [theirs(i)], {
            expectedStreamVersion: s.version === 0 ? STREAM_DOES_NOT_EXIST : BigInt(s.version),
          });
          s.version++;
        }),
    );
    printFigures(a);
    printFigures(b);
    printGroups(before, after);
    printRatio(`  heard/emmett, ${writers} writer(s)`, a, b);
    if (writers === 1) console.log(`  machine fsync rate: ${await fsyncRate(url)}`);
  }
}

async function batchedAppends({ heard, emmett }: Stores, writers: number): Promise<void> {
  const appends = 600;
  const lendOurs = streamLender('batched', writers * 2);
  const lendTheirs = streamLender('batched', writers * 2);
  const batch = (i: number) => Array.from({ length: 100 }, (_, k) => i * 100 + k);
  const a = await timed(`heard  batches of 100 events, ${writers} writers`, appends, writers, (i) =>
    lendOurs(async (s) => {
      await heard.append(s.id, batch(i).map(ours), { expectedVersion: s.version || 'no_stream' });
      s.version += 100;
    }),
  );
  const b = await timed(`emmett batches of 100 events, ${writers} writers`, appends, writers, (i) =>
    lendTheirs(async (s) => {
      await emmett.appendToStream(s.id, batch(i).map(theirs), {
        expectedStreamVersion: s.version === 0 ? STREAM_DOES_NOT_EXIST : BigInt(s.version),
      });
      s.version += 100;
    }),
  );
  printFigures({ ...a, count: a.count * 100 });
  printFigures({ ...b, count: b.count * 100 });
  printRatio('  heard/emmett, batches of 100', a, b);
}

async function readWholeLog({ heard, emmettPool, url }: Stores): Promise<void> {
  let started = process.hrtime.bigint();
  let count = 0;
  for (let after = 0n; ;) {
    const page = await heard.readAll({ after, limit: 1000 });
    if (page.length === 0) break;
    count += page.length;
    after = page[page.length - 1].globalPosition;
  }
  const a: Figures = {
    label: 'heard  read the whole global log, pages of 1000',
    count,
    seconds: seconds(started),
  };
  const executor = dumbo({ connectionString: url, pool: emmettPool });
  started = process.hrtime.bigint();
  count = 0;
  for (let after = 0n; ;) {
    const { messages, currentGlobalPosition } = await readMessagesBatch(executor.execute, {
      after,
      batchSize: 1000,
    });
    if (messages.length === 0) break;
    count += messages.length;
    after = currentGlobalPosition;
  }
  const b: Figures = {
    label: 'emmett read the whole global log, pages of 1000',
    count,
    seconds: seconds(started),
  };
  printFigures(a);
  printFigures(b);
  printRatio('  heard/emmett, reading the log', a, b);
}

async function catchUp(heard: PostgresEventStore): Promise<void> {
  let total = 0;
  for (let after = 0n; ;) {
    const page = await heard.readAll({ after, limit: 10_000 });
    if (page.length === 0) break;
    total += page.length;
    after = page[page.length - 1].globalPosition;
  }
  const missing = Math.max(0, CATCH_UP_EVENTS - total);
  const load = process.hrtime.bigint();
  await timed('load', Math.ceil(missing / 1000), 4, (i) =>
    heard.append(
      `load-${i}`,
      Array.from({ length: 1000 }, (_, k) => ours(k)),
      { expectedVersion: 'no_stream' },
    ),
  );
  total += Math.ceil(missing / 1000) * 1000;
  console.log(
    `  loaded ${missing} events for the catch-up in ${seconds(load).toFixed(1)} s (batches of 1000, 4 writers)`,
  );

  const started = process.hrtime.bigint();
  let seen = 0;
  let nextReport = 100_000;
  let caughtUp: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (caughtUp = resolve));
  const subscription = heard.subscribeToAll({ after: 0n, batchSize: 1000 }, async (batch) => {
    seen += batch.length;
    if (seen >= nextReport) {
      console.log(`  catch-up: ${seen} events in ${seconds(started).toFixed(2)} s`);
      nextReport += 100_000;
    }
    if (seen >= total) caughtUp();
  });
  await done;
  const elapsed = seconds(started);
  await subscription.stop();
  printFigures({
    label: 'heard  subscription catching up from zero, batches of 1000',
    count: seen,
    seconds: elapsed,
  });
}

async function openStores(url: string, heardSchema: string, emmettSchema: string): Promise<Stores> {
  const heardPool = new Pool({ connectionString: url, max: POOL_SIZE });
  const heard = await PostgresEventStore.open({ pool: heardPool, schema: heardSchema });
  const setup = new Client({ connectionString: url });
  await setup.connect();
  await setup.query(`CREATE SCHEMA ${emmettSchema}`);
  await setup.end();
  // Emmett names its tables without a schema: the search path puts them in its own.
  const emmettPool = new Pool({
    connectionString: url,
    max: POOL_SIZE,
    options: `-c search_path=${emmettSchema}`,
  });
  for (const pool of [heardPool, emmettPool]) pool.on('error', () => undefined);
  const emmett = getPostgreSQLEventStore(url, { connectionOptions: { pool: emmettPool } });
  await emmett.schema.migrate();
  return { heard, heardPool, emmett, emmettPool, url };
}

export async function run(): Promise<void> {
  const database = await benchDatabase();
  const suffix = randomBytes(3).toString('hex');
  const schemas = [`bench_heard_${suffix}`, `bench_emmett_${suffix}`];
  let stores: Stores | null = null;
  try {
    stores = await openStores(database.url, schemas[0], schemas[1]);
    console.log(
      `pool size ${POOL_SIZE} for both; heard group commit; emmett one transaction per append`,
    );
    // Warm both up (connections, plans, JIT) before anything is measured.
    await singleWarmUp(stores);
    await singleEventAppends(stores);
    await batchedAppends(stores, 8);
    await readWholeLog(stores);
    await catchUp(stores.heard);
  } finally {
    if (stores) {
      const { heard, heardPool, emmett, emmettPool } = stores;
      await heard.close();
      await emmett.close();
      await Promise.all([heardPool.end(), emmettPool.end()]);
    }
    await database.drop(schemas);
  }
}

async function singleWarmUp({ heard, emmett }: Stores): Promise<void> {
  await timed('warm-up', 500, 8, (i) =>
    heard.append(`warm-${i}`, [ours(i)], { expectedVersion: 'no_stream' }),
  );
  await timed('warm-up', 500, 8, (i) =>
    emmett.appendToStream(`warm-${i}`, [theirs(i)], {
      expectedStreamVersion: STREAM_DOES_NOT_EXIST,
    }),
  );
}
