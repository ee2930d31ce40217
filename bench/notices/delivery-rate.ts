import {
  DataKeyPersonalData,
  MasterKey,
  SqliteDataKeyTable,
  withPersonalData,
} from '@heard/customers';
import { EventStore, systemClock } from '@heard/event-store';
import { SqliteEventStore } from '@heard/event-store-sqlite';
import { youChangedThisNoticeId, scheduleNotice } from '@heard/loop';
import {
  emailOf,
  NoticeChannels,
  NoticeDeliverer,
  noticeDeliveriesProjection,
  NoticeDeliveryPoller,
  openDigestWindow,
  OutgoingNotice,
  ThreadedSmtpEmailChannel,
} from '@heard/loop/subscriptions';
import {
  givenCustomer,
  givenFeedback,
  givenShippedImprovement,
  NOTICE_TEST_PERSONAL_FIELDS,
  startSmtpSink,
} from '@heard/loop/testing';
import { ProjectionRunner, readModelEntities } from '@heard/projections';
import { waitUntilCaughtUp } from '@heard/projections/testing';
import { createReadModelDataSource } from '@heard/runtime';
import nodemailer from 'nodemailer';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Figures, printFigures, printRatio } from '../report';
import { BenchSection } from './section';

const N = Number(process.env.BENCH_NOTICES_N ?? 20_000);
const FROM = 'Heard <notices@bench.example>';
/** The pool both sides use: nodemailer's default is 5 connections. */
const CONNECTIONS = 5;
/** As many messages in flight as the poller's lanes. */
const IN_FLIGHT = Number(process.env.BENCH_NOTICES_LANES ?? 32);
const IMPROVEMENT = 'imp-bench';

async function seed(store: EventStore): Promise<void> {
  await givenShippedImprovement(store, IMPROVEMENT, {
    en: 'A second checkout opens at peak hours',
    uk: 'У години пік працює друга каса',
  });
  for (let i = 0; i < N; i += 200) {
    await Promise.all(
      Array.from({ length: Math.min(200, N - i) }, async (_, j) => {
        const customerId = `B-${i + j}`;
        const feedbackId = `0193e7a0-0000-7000-8000-${String(i + j).padStart(12, '0')}`;
        await givenCustomer(store, customerId, { locale: (i + j) % 2 ? 'uk' : 'en' });
        await givenFeedback(
          store,
          feedbackId,
          customerId,
          'The queue at the till was far too long',
        );
        const at = new Date().toISOString();
        await scheduleNotice(store, {
          noticeId: youChangedThisNoticeId(customerId, IMPROVEMENT),
          kind: 'you_changed_this',
          recipient: { customerId },
          refs: { improvementId: IMPROVEMENT, feedbackIds: [feedbackId] },
          channel: 'email',
          notBefore: at,
          at,
        });
      }),
    );
  }
}

/** CPU the whole process spent (every thread: the writer, the sink, the projection), in ms. */
const cpuMs = (since: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};

/**
 * Under load from other work on the machine the rates swing by a third from run to run; CPU per
 * message swings much less, and says what each side costs beside the other.
 */
function printCpu(label: string, ms: number, count: number): void {
  console.log(`${label.padEnd(58)} ${(ms / count).toFixed(3).padStart(9)} ms CPU/msg`);
}

/** BENCH_NOTICES_PROFILE=<file>: a CPU profile of the timed delivery only, not of the seeding. */
async function startProfile(): Promise<(() => Promise<void>) | null> {
  const file = process.env.BENCH_NOTICES_PROFILE;
  if (!file) return null;
  const { Session } = await import('node:inspector/promises');
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return async () => {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
  };
}

async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'heard-bench-notices-'));
  let count = 0;
  let done: () => void = () => undefined;
  let target = N;
  let reached = new Promise<void>((resolve) => (done = resolve));
  const sink = await startSmtpSink({
    countOnly: true,
    onMessage: () => {
      if (++count === target) done();
    },
  });
  // As `npm start` runs it: commits and their fsync on a writer thread, off this event loop.
  const raw = new SqliteEventStore(join(dir, 'events.sqlite'), systemClock, { writerThread: true });
  const keys = new SqliteDataKeyTable(join(dir, 'keys.sqlite'));
  const store = withPersonalData(
    raw,
    new DataKeyPersonalData(keys, MasterKey.generate()),
    NOTICE_TEST_PERSONAL_FIELDS,
  );
  // As the embedded default opens them (synchronous = NORMAL).
  const dataSource = await createReadModelDataSource(
    { dataDir: dir, databaseUrl: null },
    readModelEntities([noticeDeliveriesProjection]),
  );
  try {
    console.log(`seeding ${N} customers, their feedback and one notice each…`);
    await seed(store);
    const runner = new ProjectionRunner(noticeDeliveriesProjection, store, dataSource);
    await runner.start();
    await waitUntilCaughtUp(runner, store, 600_000);

    const rendered: OutgoingNotice[] = [];
    // As the runtime sends (notice-channels.ts): composed and sent from a thread of its own.
    const email = new ThreadedSmtpEmailChannel({
      smtpUrl: sink.url,
      from: FROM,
      maxConnections: CONNECTIONS,
    });
    const deliverer = new NoticeDeliverer({
      store,
      channels: new NoticeChannels(email, null),
      settings: {
        publicBaseUrl: 'http://heard.example',
        optOutSecret: 'bench-opt-out-secret-of-32-chars!!',
        maxAttempts: 8,
        digestHours: 0,
      },
      openDigestWindow: (customerId, now) => openDigestWindow(dataSource, customerId, now),
      onSent: (notice) => {
        if (rendered.length < N) rendered.push(notice);
      },
    });
    const poller = new NoticeDeliveryPoller({
      dataSource,
      clock: systemClock,
      deliverer,
      lanes: IN_FLIGHT,
      wave: process.env.BENCH_NOTICES_WAVE ? Number(process.env.BENCH_NOTICES_WAVE) : undefined,
      idleMs: 20,
    });
    const profiling = await startProfile();
    const cpuStarted = process.cpuUsage();
    const started = process.hrtime.bigint();
    poller.start();
    await reached;
    const oursCpuMs = cpuMs(cpuStarted);
    await profiling?.();
    const ours: Figures = {
      label: `Heard delivery (${N} notices, SQLite, sealed, ${CONNECTIONS} SMTP connections)`,
      count: N,
      seconds: Number(process.hrtime.bigint() - started) / 1e9,
      unit: 'msg',
    };
    await poller.stop();
    await runner.stop();
    await email.close();

    count = 0;
    target = rendered.length;
    reached = new Promise<void>((resolve) => (done = resolve));
    const transport = nodemailer.createTransport({
      host: '127.0.0.1',
      port: Number(new URL(sink.url).port),
      pool: true,
      maxConnections: CONNECTIONS,
      maxMessages: Infinity,
    });
    const messages = rendered.map((notice) => emailOf(notice, FROM));
    const peerCpuStarted = process.cpuUsage();
    const peerStarted = process.hrtime.bigint();
    let next = 0;
    await Promise.all(
      Array.from({ length: IN_FLIGHT }, async () => {
        while (next < messages.length) await transport.sendMail(messages[next++]);
      }),
    );
    await reached;
    const peerCpuMs = cpuMs(peerCpuStarted);
    const peer: Figures = {
      label: `nodemailer pooled sendMail, same ${target} messages (ceiling)`,
      count: target,
      seconds: Number(process.hrtime.bigint() - peerStarted) / 1e9,
      unit: 'msg',
    };
    transport.close();
    printFigures(ours);
    printFigures(peer);
    printRatio('Heard / nodemailer (target ≥ 0.50x)', ours, peer);
    printCpu('Heard delivery, CPU of the whole process', oursCpuMs, ours.count);
    printCpu('nodemailer pooled sendMail, CPU of the whole process', peerCpuMs, peer.count);
  } finally {
    await dataSource.destroy();
    await raw.close();
    await keys.close();
    await sink.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export const deliverySection: BenchSection = { name: 'delivery', run };
