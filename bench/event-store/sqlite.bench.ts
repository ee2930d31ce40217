/**
 * SQLite event store on a temp file with full durability (WAL, synchronous=FULL): single-event
 * appends from 1, 8 and 32 callers, batched appends, a full read of the log, and a subscription
 * catching up from zero over 1,000,000 events.
 */
import { NewEvent } from '@heard/event-store';
import { SqliteEventStore, SqliteEventStoreStats } from '@heard/event-store-sqlite';
import { closeSync, fdatasyncSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Figures, percentile, printFigures, timed } from '../report';

const CATCH_UP_EVENTS = 1_000_000;

const payload = (n: number): NewEvent => ({
  type: 'FeedbackReceived',
  data: { n, kind: 'complaint', channel: 'store', storeId: `store-${n % 3000}`, rating: 2 },
});

const seconds = (since: bigint): number => Number(process.hrtime.bigint() - since) / 1e9;

/** What one commit costs at least on this disk: every figure below is bounded by it. */
function probeDisk(dir: string): void {
  const fd = openSync(join(dir, 'probe'), 'w');
  const page = Buffer.alloc(4096, 1);
  const latencies: number[] = [];
  for (let i = 0; i < 200; i++) {
    const started = process.hrtime.bigint();
    writeSync(fd, page, 0, page.length, i * page.length);
    fdatasyncSync(fd);
    latencies.push(seconds(started) * 1000);
  }
  closeSync(fd);
  latencies.sort((a, b) => a - b);
  const [p50, p99] = [percentile(latencies, 50), percentile(latencies, 99)];
  console.log(`disk: 4 KiB write + fdatasync p50 ${p50.toFixed(2)} ms  p99 ${p99.toFixed(2)} ms`);
}

function printCommits(before: SqliteEventStoreStats, after: SqliteEventStoreStats): void {
  const groups = after.transactions - before.transactions;
  const appends = (after.appends - before.appends) / groups;
  const ms = (after.writeMs - before.writeMs) / groups;
  console.log(
    `  ${groups} transactions, ${appends.toFixed(1)} appends and ${ms.toFixed(2)} ms each`,
  );
}

async function singleEventAppends(store: SqliteEventStore): Promise<void> {
  for (const [callers, count] of [
    [1, 5_000],
    [8, 40_000],
    [32, 100_000],
  ]) {
    const before = store.stats();
    const figures = await timed(
      `single-event appends, ${callers} caller(s), no_stream, distinct streams`,
      count,
      callers,
      (i) => store.append(`single-${callers}-${i}`, [payload(i)], { expectedVersion: 'no_stream' }),
      'appends',
    );
    printFigures(figures);
    printCommits(before, store.stats());
  }
}

async function batchedAppends(store: SqliteEventStore, callers: number): Promise<void> {
  const appends = 2_000;
  const versions = new Map<string, number>();
  const before = store.stats();
  const figures = await timed(
    `batches of 100 events per append, ${callers} caller(s)`,
    appends,
    callers,
    async (i) => {
      const stream = `batched-${callers}-${i % 100}`;
      const version = versions.get(stream) ?? 0;
      versions.set(stream, version + 100);
      const events = Array.from({ length: 100 }, (_, k) => payload(i * 100 + k));
      await store.append(stream, events, {
        expectedVersion: version === 0 ? 'no_stream' : version,
      });
    },
  );
  printFigures({ ...figures, count: figures.count * 100, latenciesMs: undefined });
  const sorted = [...(figures.latenciesMs ?? [])].sort((a, b) => a - b);
  console.log(`  per append of 100: p50 ${percentile(sorted, 50).toFixed(2)} ms`);
  printCommits(before, store.stats());
}

async function readWholeLog(store: SqliteEventStore, pageSize: number): Promise<Figures> {
  const started = process.hrtime.bigint();
  let after = 0n;
  let count = 0;
  for (;;) {
    const page = await store.readAll({ after, limit: pageSize });
    if (page.length === 0) break;
    count += page.length;
    after = page[page.length - 1].globalPosition;
  }
  return { label: `readAll, whole log in pages of ${pageSize}`, count, seconds: seconds(started) };
}

async function fill(store: SqliteEventStore, total: number): Promise<void> {
  const perAppend = 1000;
  const callers = 4;
  const started = process.hrtime.bigint();
  const before = store.stats();
  let written = 0;
  await Promise.all(
    Array.from({ length: callers }, async (_, caller) => {
      for (let v = 0; v < total / callers; v += perAppend) {
        const events = Array.from({ length: perAppend }, (_e, k) => payload(v + k));
        await store.append(`fill-${caller}`, events, {
          expectedVersion: v === 0 ? 'no_stream' : v,
        });
        written += perAppend;
        if (written % 250_000 === 0) console.log(`  filled ${written} events`);
      }
    }),
  );
  printFigures({
    label: `fill: ${perAppend}-event appends, ${callers} callers`,
    count: written,
    seconds: seconds(started),
  });
  printCommits(before, store.stats());
}

async function catchUp(store: SqliteEventStore, total: number, batchSize: number): Promise<void> {
  const started = process.hrtime.bigint();
  let seen = 0;
  let reported = 0;
  let resolveDone: () => void = () => undefined;
  const caughtUp = new Promise<void>((resolve) => (resolveDone = resolve));
  const subscription = store.subscribeToAll({ after: 0n, batchSize }, async (batch) => {
    seen += batch.length;
    if (seen - reported >= 250_000) {
      reported = seen;
      console.log(`  subscription at ${seen} events, ${seconds(started).toFixed(1)} s`);
    }
    if (seen >= total) resolveDone();
  });
  await Promise.race([caughtUp, subscription.done]);
  const elapsed = seconds(started);
  await subscription.stop();
  printFigures({
    label: `subscription catch-up from 0 over ${total} events, batch ${batchSize}`,
    count: seen,
    seconds: elapsed,
  });
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'heard-bench-sqlite-'));
  try {
    probeDisk(dir);
    const store = new SqliteEventStore(join(dir, 'appends.sqlite'));
    await singleEventAppends(store);
    await batchedAppends(store, 1);
    await batchedAppends(store, 8);
    await batchedAppends(store, 32);
    printFigures(await readWholeLog(store, 1000));
    await store.close();

    const large = new SqliteEventStore(join(dir, 'catch-up.sqlite'));
    await fill(large, CATCH_UP_EVENTS);
    await catchUp(large, CATCH_UP_EVENTS, 500);
    await catchUp(large, CATCH_UP_EVENTS, 5000);
    await large.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
