import { spawnTsScript } from '@heard/projections/testing';
import { SqliteEventStore } from '@heard/event-store-sqlite';
import { waitFor } from '@heard/event-store/testing';
import {
  postgresSchemaDatabase,
  ReadModelDatabase,
  ReadModelDatabaseFactory,
  sqliteFileDatabase,
} from '@heard/projections/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { givenCustomer, startSmtpSink, SmtpSink, testNoticeId } from '../../testing';
import { scheduleNotice } from '../schedule-notice';

const script = join(__dirname, '../../testing/deliver-until-done.ts');
const NOTICES = 5_000;
const LEASE_MS = 3_000;
const noticeIds = Array.from({ length: NOTICES }, (_, i) => testNoticeId(`kill-${i}`));

async function seed(store: SqliteEventStore): Promise<void> {
  const at = '2026-12-01T10:00:00.000Z';
  for (let i = 0; i < NOTICES; i += 100) {
    await Promise.all(
      noticeIds.slice(i, i + 100).map(async (noticeId, j) => {
        const customerId = `K-${i + j}`;
        await givenCustomer(store, customerId, { consents: { case_updates: true } });
        await scheduleNotice(store, {
          noticeId,
          kind: 'case_acknowledged',
          recipient: { customerId },
          refs: { caseId: `case-${i + j}` },
          channel: 'email',
          notBefore: at,
          at,
        });
      }),
    );
  }
}

function runChild(eventsFile: string, database: ReadModelDatabase, smtpUrl: string) {
  return spawnTsScript(script, [
    eventsFile,
    JSON.stringify(database.connection),
    smtpUrl,
    String(LEASE_MS),
  ]);
}

describe.each<[string, ReadModelDatabaseFactory]>([
  ['a SQLite file', sqliteFileDatabase],
  ['PostgreSQL', postgresSchemaDatabase(process.env.TEST_DATABASE_URL ?? 'postgres://unset')],
])('notice delivery killed with SIGKILL mid-send, read models in %s', (_name, fresh) => {
  const dir = mkdtempSync(join(tmpdir(), 'heard-notice-kill-'));
  const eventsFile = join(dir, 'events.sqlite');
  let database: ReadModelDatabase;
  let store: SqliteEventStore;
  let sink: SmtpSink;
  /** Message-ID of every message the server accepted, duplicates included. */
  const received: string[] = [];

  beforeAll(async () => {
    database = await fresh();
    store = new SqliteEventStore(eventsFile);
    await seed(store);
    sink = await startSmtpSink({
      countOnly: true,
      onMessage: (raw) => {
        const header = /^Message-ID:\s*(<[^>]+>)/im.exec(raw.subarray(0, 4096).toString('utf8'));
        received.push(header?.[1] ?? 'none');
      },
    });
  }, 180_000);

  afterAll(async () => {
    await sink.close();
    await store.close();
    await database.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('after a restart every one of 5,000 notices is sent, and any resend carries the same Message-ID', async () => {
    const first = runChild(eventsFile, database, sink.url);
    await waitFor(async () => first.child.exitCode !== null || received.length >= NOTICES / 4, {
      timeoutMs: 120_000,
      what: 'a quarter of the notices sent by the child',
    });
    first.child.kill('SIGKILL');
    expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });
    const beforeRestart = received.length;
    expect(beforeRestart).toBeLessThan(NOTICES);

    const second = runChild(eventsFile, database, sink.url);
    const { code } = await second.exited;
    expect({ code, output: second.output() }).toEqual({ code: 0, output: 'done\n' });

    const expected = new Set(noticeIds.map((id) => `<${id}@kill.example>`));
    const distinct = new Set(received);
    expect(distinct.size).toBe(NOTICES);
    expect([...distinct].filter((id) => !expected.has(id))).toEqual([]);
    // A duplicate is a notice whose NoticeSent the kill cut off: as many as were in flight.
    expect(received.length - NOTICES).toBeLessThanOrEqual(100);

    const events = await store.readAll({ limit: 1_000_000 });
    const perNotice = new Map<string, string[]>();
    for (const e of events)
      if (e.streamId.startsWith('notice-'))
        perNotice.set(e.streamId, [...(perNotice.get(e.streamId) ?? []), e.type]);
    const odd = [...perNotice.entries()].filter(
      ([, types]) => types.join() !== 'NoticeScheduled,NoticeSending,NoticeSent',
    );
    expect(perNotice.size).toBe(NOTICES);
    expect(odd).toEqual([]);
  }, 300_000);
});
