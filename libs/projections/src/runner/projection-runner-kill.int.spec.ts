import { spawnTsScript } from '../testing/spawn-ts-script';
import { SqliteEventStore } from '@heard/event-store-sqlite';
import { waitFor } from '@heard/event-store/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { readCheckpoint } from '../checkpoint/checkpoints';
import { readModelEntities } from '../read-model-entities';
import { rebuildProjection } from '../rebuild/rebuild-projection';
import { evolveStreamCatalog, StreamCatalogRow } from '../stream-catalog/stream-catalog.evolve';
import { streamCatalogProjection } from '../stream-catalog/stream-catalog.projection';
import {
  headPosition,
  LedgerEntry,
  postgresSchemaDatabase,
  ReadModelDatabase,
  ReadModelDatabaseFactory,
  sqliteFileDatabase,
  streamCatalogSnapshot,
} from '../testing';
import { KILL_TEST_PROJECTIONS } from '../testing/project-until-live';

const script = join(__dirname, '../testing/project-until-live.ts');
const STREAMS = 100;
const ROUNDS = 6;
const PER_APPEND = 10;

/** 6,000 events: streams interleave in the log, appends are grouped per round. */
async function seed(store: SqliteEventStore): Promise<void> {
  for (let round = 0; round < ROUNDS; round++) {
    await Promise.all(
      Array.from({ length: STREAMS }, (_, s) =>
        store.append(
          `${['feedback', 'case', 'notice'][s % 3]}-kill${s}`,
          Array.from({ length: PER_APPEND }, (_, i) => ({
            type: `Step${i % 3}`,
            data: { round, i },
          })),
          { expectedVersion: round === 0 ? 'no_stream' : round * PER_APPEND },
        ),
      ),
    );
  }
}

function runChild(eventsFile: string, database: ReadModelDatabase) {
  return spawnTsScript(script, [eventsFile, JSON.stringify(database.connection)]);
}

/** The catalog folded in memory from the events up to `checkpoint`, sorted like the snapshot. */
async function catalogUpTo(store: SqliteEventStore, checkpoint: bigint): Promise<object[]> {
  const rows = new Map<string, StreamCatalogRow>();
  for (const event of await store.readAll({ limit: 1_000_000 })) {
    if (event.globalPosition > checkpoint) break;
    rows.set(event.streamId, evolveStreamCatalog(rows.get(event.streamId) ?? null, event));
  }
  return [...rows.values()]
    .sort((a, b) => (a.streamId < b.streamId ? -1 : 1))
    .map((row) => ({
      ...row,
      lastPosition: row.lastPosition.toString(),
      updatedAt: row.updatedAt.toISOString(),
    }));
}

async function ledgerIds(dataSource: DataSource): Promise<string[]> {
  const rows = await dataSource.getRepository(LedgerEntry).find();
  expect(rows.every((row) => row.applied === 1)).toBe(true);
  return rows.map((row) => row.eventId).sort();
}

async function eventIdsUpTo(store: SqliteEventStore, checkpoint: bigint): Promise<string[]> {
  const events = await store.readAll({ limit: 1_000_000 });
  return events
    .filter((e) => e.globalPosition <= checkpoint)
    .map((e) => e.eventId)
    .sort();
}

describe.each<[string, ReadModelDatabaseFactory]>([
  ['a SQLite file', sqliteFileDatabase],
  ['PostgreSQL', postgresSchemaDatabase(process.env.TEST_DATABASE_URL ?? 'postgres://unset')],
])('projection runner killed with SIGKILL, read models in %s', (_name, fresh) => {
  const dir = mkdtempSync(join(tmpdir(), 'heard-projection-kill-'));
  const eventsFile = join(dir, 'events.sqlite');
  let database: ReadModelDatabase;
  let store: SqliteEventStore;

  beforeAll(async () => {
    database = await fresh();
    store = new SqliteEventStore(eventsFile);
    await seed(store);
  }, 60_000);

  afterAll(async () => {
    await store.close();
    await database.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('resumes from its checkpoint and ends equal to a rebuild from scratch', async () => {
    const head = await headPosition(store);
    const readModels = await database.open(readModelEntities(KILL_TEST_PROJECTIONS));
    const checkpoints = async () =>
      Promise.all(
        KILL_TEST_PROJECTIONS.map(async (p) => {
          try {
            return (await readCheckpoint(readModels.manager, p.name)) ?? 0n;
          } catch {
            return 0n; // the child has not created the table yet
          }
        }),
      );

    // Killed once both have committed and one a fair share, so there are rows to lose or double.
    // Waiting for both to pass the mark let the faster one reach the head first on a fast machine.
    const midway = head / 5n;
    const first = runChild(eventsFile, database);
    await waitFor(
      async () => {
        if (first.child.exitCode !== null) return true;
        const positions = await checkpoints();
        return positions.every((p) => p > 0n) && positions.some((p) => p >= midway);
      },
      { timeoutMs: 60_000, what: 'both checkpoints to advance in the child' },
    );
    first.child.kill('SIGKILL');
    expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });
    const [catalogAt, ledgerAt] = await checkpoints();
    expect(catalogAt).toBeLessThan(head);

    // What survived the kill is exactly what its checkpoint says: nothing more, nothing less.
    expect(await streamCatalogSnapshot(readModels)).toEqual(await catalogUpTo(store, catalogAt));
    expect(await ledgerIds(readModels)).toEqual(await eventIdsUpTo(store, ledgerAt));

    const second = runChild(eventsFile, database);
    const { code } = await second.exited;
    expect({ code, output: second.output() }).toEqual({ code: 0, output: 'live\n' });
    expect(await checkpoints()).toEqual([head, head]);

    const scratch = await new DataSource({
      type: 'better-sqlite3',
      database: ':memory:',
      entities: readModelEntities([streamCatalogProjection]),
    }).initialize();
    await rebuildProjection(streamCatalogProjection, store, scratch);
    expect(await streamCatalogSnapshot(readModels)).toEqual(await streamCatalogSnapshot(scratch));
    expect(await ledgerIds(readModels)).toEqual(await eventIdsUpTo(store, head));
    await scratch.destroy();
  }, 120_000);
});
