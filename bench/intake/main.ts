/**
 * `npm run bench:intake`: POST /v1/feedback throughput at 64 connections (Express and Fastify, on
 * the embedded default and on PostgreSQL) and the time from a complaint's 202 to its case having
 * an owner in the assignments read model, at 100 and 500 complaints/s. Figures, not assertions.
 * Each throughput figure follows BENCH_WARM_UP_SECONDS (default 3) of the same load, not counted.
 * `logging` (part of the full run, or alone: `npm run bench:intake -- logging`) puts intake at
 * LOG_LEVEL=info beside LOG_LEVEL=silent on the embedded default.
 */
import { signHs256 } from '@heard/http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { measureAssignmentLatency } from './assignment-latency';
import { postgresProbe, ReadModelProbe, sqliteProbe } from './read-model-probe';
import { seedDirectory } from './seed-directory';
import { startServer, startWorker } from './server-process';
import { measureThroughput } from './throughput';

const SECRET = 'bench-secret-bench-secret-bench-secret';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
/** Load before each throughput measurement whose figures are dropped (JIT warm-up). */
const WARM_UP_SECONDS = Number(process.env.BENCH_WARM_UP_SECONDS ?? 3);
const ADMIN_URL = process.env.TEST_POSTGRES_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const token = (sub: string, role: string) => signHs256({ sub, role }, SECRET);

interface Target {
  readonly name: string;
  /** The API process runs the subscriptions (in its thread), so SUBSCRIPTIONS_NICE applies. */
  readonly subscriptionsInApi: boolean;
  env(): Promise<{
    env: Record<string, string>;
    /** Scale-out: the API leaves subscriptions to a worker process. */
    worker: boolean;
    probe: () => Promise<ReadModelProbe>;
    /** True once every projection and reactor has caught up with the log. */
    caughtUp: (apiUrl: string) => Promise<boolean>;
    cleanup: () => Promise<void>;
  }>;
}

const embedded: Target = {
  name: 'embedded (SQLite)',
  subscriptionsInApi: true,
  env: async () => {
    const dir = mkdtempSync(join(tmpdir(), 'heard-bench-intake-'));
    return {
      env: { DATA_DIR: dir, JWT_SECRET: SECRET },
      worker: false,
      probe: async () => sqliteProbe(join(dir, 'read-models.sqlite')),
      caughtUp: async (apiUrl) =>
        ((await (await fetch(`${apiUrl}/ready`)).json()) as { status: string }).status === 'ready',
      cleanup: async () => rmSync(dir, { recursive: true, force: true }),
    };
  },
};

/** PostgreSQL for events and read models; with `worker`, a worker process runs the subscriptions. */
const postgres = (worker: boolean): Target => ({
  name: worker ? 'PostgreSQL, API and worker' : 'PostgreSQL, one process',
  subscriptionsInApi: !worker,
  env: async () => {
    const name = `heard_bench_intake_${Date.now()}`;
    const admin = new Client({ connectionString: ADMIN_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(ADMIN_URL);
    url.pathname = `/${name}`;
    return {
      env: {
        EVENT_STORE: 'postgres',
        DATABASE_URL: url.toString(),
        JWT_SECRET: SECRET,
        HEARD_MASTER_KEY: Buffer.alloc(32, 2).toString('base64'),
        RUN_SUBSCRIPTIONS: String(!worker),
      },
      worker,
      probe: () => postgresProbe(url.toString()),
      caughtUp: async () => {
        const c = new Client({ connectionString: url.toString() });
        await c.connect();
        try {
          const { rows } = await c.query<{ behind: boolean }>(
            `SELECT coalesce((SELECT max(tx_id::text::numeric * 4294967296 + tx_index) FROM heard_events.events), 0)
                    > (SELECT min(position::numeric) FROM projection_checkpoints) AS behind`,
          );
          return rows[0]?.behind === false;
        } finally {
          await c.end();
        }
      },
      cleanup: async () => {
        const c = new Client({ connectionString: ADMIN_URL });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.end();
      },
    };
  },
});

/** The latency runs start with no backlog left by the throughput run. */
async function caughtUp(check: () => Promise<boolean>): Promise<void> {
  const started = Date.now();
  for (;;) {
    if (await check()) return;
    if (Date.now() - started > 600_000)
      throw new Error('projections did not catch up within 10 minutes');
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function run(
  target: Target,
  adapter: 'express' | 'fastify',
  latency: boolean,
  port: number,
  nice = 0,
): Promise<void> {
  const setup = await target.env();
  const server = await startServer(
    { ...setup.env, HTTP_ADAPTER: adapter, SUBSCRIPTIONS_NICE: String(nice) },
    port,
  );
  const worker = setup.worker ? startWorker(setup.env) : null;
  try {
    const storeIds = await seedDirectory(server.url, token('admin-1', 'cx_admin'), 10);
    const t = await measureThroughput(
      server.url,
      token('pos-1', 'integration'),
      storeIds,
      SECONDS,
      WARM_UP_SECONDS,
    );
    console.log(
      `${`POST /v1/feedback, 64 connections, ${target.name}, ${adapter}${nice > 0 ? `, SUBSCRIPTIONS_NICE=${nice}` : ''}`.padEnd(62)} ${t.requestsPerSecond.toFixed(0).padStart(6)} req/s  p50 ${t.p50} ms  p99 ${t.p99} ms  non-2xx ${t.non2xx}  errors ${t.errors}`,
    );
    if (!latency) return;
    await caughtUp(() => setup.caughtUp(server.url));
    const probe = await setup.probe();
    try {
      for (const rate of [100, 500]) {
        const l = await measureAssignmentLatency(
          server.url,
          token('pos-1', 'integration'),
          storeIds,
          probe,
          rate,
          SECONDS,
          `${rate}`,
        );
        await caughtUp(() => setup.caughtUp(server.url));
        console.log(
          `${`complaint 202 → case assigned, ${rate}/s, ${target.name}`.padEnd(62)} p50 ${l.p50.toFixed(0)} ms  p99 ${l.p99.toFixed(0)} ms  (${l.assigned}/${l.sent} assigned, ${l.unassigned} not within 30 s)`,
        );
      }
    } finally {
      await probe.close();
    }
  } finally {
    await worker?.stop();
    await server.stop();
    await setup.cleanup();
  }
}

/**
 * What a JSON line per request costs: the same intake at LOG_LEVEL=silent and at info, stdout
 * read through a pipe. Metrics are collected in both, so against silent it is the logging's
 * cost; with the figures of a build before metrics, theirs.
 */
async function loggingCost(firstPort: number): Promise<void> {
  console.log(`\n== logging, ${embedded.name}, fastify`);
  const figures: { level: string; requestsPerSecond: number; cpu: number | null }[] = [];
  let port = firstPort;
  // Silent, info, info, silent: a machine that speeds up or slows down during the run weighs on
  // both levels alike instead of on the one that ran last.
  for (const level of ['silent', 'info', 'info', 'silent']) {
    const setup = await embedded.env();
    const server = await startServer(
      { ...setup.env, HTTP_ADAPTER: 'fastify', LOG_LEVEL: level },
      port++,
      { stdout: 'count' },
    );
    let t: Awaited<ReturnType<typeof measureThroughput>>;
    let logged: { lines: number; bytes: number } | null = null;
    try {
      const storeIds = await seedDirectory(server.url, token('admin-1', 'cx_admin'), 10);
      t = await measureThroughput(
        server.url,
        token('pos-1', 'integration'),
        storeIds,
        SECONDS,
        WARM_UP_SECONDS,
        () => server.cpuSeconds(),
      );
    } finally {
      logged = await server.stop();
      await setup.cleanup();
    }
    figures.push({ level, requestsPerSecond: t.requestsPerSecond, cpu: t.cpuSecondsPer1000 });
    console.log(
      `${`POST /v1/feedback, 64 connections, LOG_LEVEL=${level}`.padEnd(62)} ${t.requestsPerSecond.toFixed(0).padStart(6)} req/s  p50 ${t.p50} ms  p99 ${t.p99} ms  non-2xx ${t.non2xx}  CPU ${t.cpuSecondsPer1000?.toFixed(2) ?? '?'} s per 1000  logged ${logged?.lines ?? '?'} lines, ${((logged?.bytes ?? 0) / 1e6).toFixed(1)} MB`,
    );
  }
  const mean = (level: string, figure: (f: (typeof figures)[number]) => number | null) => {
    const at = figures.filter((f) => f.level === level).map(figure);
    return at.some((v) => v === null)
      ? null
      : (at as number[]).reduce((sum, v) => sum + v, 0) / at.length;
  };
  const rps = (level: string) => mean(level, (f) => f.requestsPerSecond) as number;
  const ratio = rps('info') / rps('silent');
  console.log(
    `${'LOG_LEVEL=info against silent, means of two runs each'.padEnd(62)} ${rps('info').toFixed(0).padStart(6)} against ${rps('silent').toFixed(0)} req/s: ${ratio.toFixed(2)}x (logging costs ${((1 - ratio) * 100).toFixed(1)}% of throughput; target at most 10%)`,
  );
  // CPU per request is what the logging itself costs; throughput on a shared machine also moves
  // with whatever else runs.
  const [cpuInfo, cpuSilent] = [mean('info', (f) => f.cpu), mean('silent', (f) => f.cpu)];
  if (cpuInfo !== null && cpuSilent !== null)
    console.log(
      `${'server CPU per request, info against silent'.padEnd(62)} ${(cpuInfo / cpuSilent).toFixed(2)}x (${cpuInfo.toFixed(2)} against ${cpuSilent.toFixed(2)} CPU s per 1000 requests)`,
    );
}

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const targets = [embedded, postgres(false), postgres(true)].filter(
    (t) => wanted.length === 0 || wanted.some((w) => t.name.toLowerCase().includes(w)),
  );
  let port = 3900;
  for (const target of targets) {
    console.log(`\n== ${target.name}`);
    // Latency on the default adapter, as `npm start` serves; Express for the comparison.
    await run(target, 'fastify', true, port++);
    await run(target, 'express', false, port++);
    // The trade-off SUBSCRIPTIONS_NICE offers, in the same run: intake against read-model lag.
    if (target.subscriptionsInApi) await run(target, 'fastify', false, port++, 10);
  }
  if (wanted.length === 0 || wanted.includes('logging')) await loggingCost(port);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
