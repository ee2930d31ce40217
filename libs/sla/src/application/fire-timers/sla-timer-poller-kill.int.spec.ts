import { spawnTsScript } from '@heard/projections/testing';
import { caseStreamId } from '@heard/cases';
import { caseOpened } from '@heard/cases/testing';
import { SqliteEventStore } from '@heard/event-store-sqlite';
import { waitFor } from '@heard/event-store/testing';
import { ensureTables, inTransaction } from '@heard/projections';
import {
  postgresSchemaDatabase,
  ReadModelDatabase,
  ReadModelDatabaseFactory,
  sqliteFileDatabase,
} from '@heard/projections/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource, IsNull, Not } from 'typeorm';
import { slaCasesProjection } from '../../read-models/sla-cases/sla-cases.projection';
import { SlaTimer } from '../../read-models/sla-cases/sla-timer.entity';

const script = join(__dirname, '../../testing/fire-timers-until-done.ts');
/** Each owes a warning and a breach, long due: 10,000 timers firing at once. */
const CASES = 5_000;
const OPENED = '2026-01-05T09:00:00.000Z';

async function seed(store: SqliteEventStore): Promise<void> {
  for (let i = 0; i < CASES; i += 100) {
    await Promise.all(
      Array.from({ length: 100 }, (_, j) => {
        const caseId = `kill-${i + j}`;
        return store.append(
          caseStreamId(caseId),
          [
            caseOpened({ caseId, at: OPENED }),
            {
              type: 'SlaApplied',
              data: {
                policyId: 'built-in-default',
                policySetVersion: 0,
                calendarId: null,
                calendarVersion: null,
                timeZone: 'UTC',
                builtInResolution: 'PT1H',
                at: OPENED,
              },
            },
          ],
          { expectedVersion: 'no_stream' },
        );
      }),
    );
  }
}

async function project(store: SqliteEventStore, readModels: DataSource): Promise<void> {
  const events = await store.readAll({ limit: 1_000_000 });
  for (let i = 0; i < events.length; i += 1_000) {
    await inTransaction(readModels, async (manager) => {
      for (const event of events.slice(i, i + 1_000)) {
        await slaCasesProjection.apply(event, manager);
      }
    });
  }
}

function runChild(eventsFile: string, database: ReadModelDatabase) {
  return spawnTsScript(script, [eventsFile, JSON.stringify(database.connection)]);
}

describe.each<[string, ReadModelDatabaseFactory]>([
  ['a SQLite file', sqliteFileDatabase],
  ['PostgreSQL', postgresSchemaDatabase(process.env.TEST_DATABASE_URL ?? 'postgres://unset')],
])('SLA timer poller killed with SIGKILL, read models in %s', (_name, fresh) => {
  const dir = mkdtempSync(join(tmpdir(), 'heard-sla-kill-'));
  const eventsFile = join(dir, 'events.sqlite');
  let database: ReadModelDatabase;
  let store: SqliteEventStore;
  let readModels: DataSource;

  beforeAll(async () => {
    database = await fresh();
    store = new SqliteEventStore(eventsFile);
    readModels = await database.open(slaCasesProjection.entities);
    await ensureTables(readModels, slaCasesProjection.entities);
    await seed(store);
    await project(store, readModels);
  }, 180_000);

  afterAll(async () => {
    await store.close();
    await database.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('fires each of 10,000 timers exactly once across the kill and the restart', async () => {
    const timers = readModels.getRepository(SlaTimer);
    expect(await timers.count()).toBe(2 * CASES);
    const fired = () => timers.countBy({ firedAt: Not(IsNull()) });

    const first = runChild(eventsFile, database);
    await waitFor(async () => first.child.exitCode !== null || (await fired()) >= CASES / 2, {
      timeoutMs: 120_000,
      what: 'a share of the timers fired in the child',
    });
    first.child.kill('SIGKILL');
    expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });
    expect(await fired()).toBeLessThan(2 * CASES);

    const second = runChild(eventsFile, database);
    const { code } = await second.exited;
    expect({ code, output: second.output() }).toEqual({ code: 0, output: 'done\n' });

    const alerts = (await store.readAll({ limit: 1_000_000 })).filter(
      (e) => e.type === 'SlaWarned' || e.type === 'SlaBreached',
    );
    const perCase = new Map<string, string[]>();
    for (const e of alerts) perCase.set(e.streamId, [...(perCase.get(e.streamId) ?? []), e.type]);
    expect(perCase.size).toBe(CASES);
    const odd = [...perCase.entries()].filter(
      ([, types]) => types.length !== 2 || types[0] === types[1],
    );
    expect(odd).toEqual([]);
  }, 300_000);
});
