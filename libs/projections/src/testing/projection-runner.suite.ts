import { FixedClock, forwardingTo, InMemoryEventStore, waitFor } from '@heard/event-store/testing';
import { DataSource, Table } from 'typeorm';
import { CheckpointConflictError } from '../checkpoint/checkpoint-conflict.error';
import { ProjectionCheckpointEntity } from '../checkpoint/projection-checkpoint.entity';
import { readCheckpoint, resetCheckpoint } from '../checkpoint/checkpoints';
import { Projection } from '../projection';
import { readModelEntities } from '../read-model-entities';
import { rebuildProjection } from '../rebuild/rebuild-projection';
import { RebuildProgress } from '../rebuild/rebuild-progress';
import { ProjectionRunner } from '../runner/projection-runner';
import { ensureTables } from '../schema/read-model-schema';
import { ReadModelSchemaError } from '../schema/read-model-schema.error';
import { StreamCatalogEntry } from '../stream-catalog/stream-catalog.entity';
import { streamCatalogProjection } from '../stream-catalog/stream-catalog.projection';
import { LedgerEntry, ledgerProjection, POISON } from './ledger.projection';
import { ReadModelDatabase, ReadModelDatabaseFactory } from './read-model-databases';
import { streamCatalogSnapshot } from './read-model-snapshot';
import { ManualScheduler } from './manual-scheduler';
import { headPosition, waitUntilCaughtUp } from './run-until';
import { appendSampleEvents } from './sample-events';

const projections = [streamCatalogProjection, ledgerProjection];

/** One runner suite for every read-model database, called with options, never branched on. */
export function projectionRunnerSuite(name: string, fresh: ReadModelDatabaseFactory): void {
  describe(`projection runner on ${name}`, () => {
    jest.setTimeout(30_000);
    const clock = new FixedClock();
    let database: ReadModelDatabase;
    let store: InMemoryEventStore;
    let runners: ProjectionRunner[];
    let scheduler: ManualScheduler;

    beforeEach(async () => {
      database = await fresh();
      store = new InMemoryEventStore(clock);
      runners = [];
      scheduler = new ManualScheduler();
    });

    afterEach(async () => {
      for (const runner of runners) await runner.stop();
      await database.dispose();
    });

    const open = () => database.open(readModelEntities(projections));
    const runner = (projection: Projection, dataSource: DataSource, batchSize = 7) => {
      const created = new ProjectionRunner(projection, store, dataSource, {
        clock,
        batchSize,
        scheduler,
        random: () => 0,
      });
      runners.push(created);
      return created;
    };
    const ledger = async (dataSource: DataSource) =>
      (await dataSource.getRepository(LedgerEntry).find()).map((row) => row.applied);

    it('catches up, goes live, follows new events and stores its checkpoint', async () => {
      await appendSampleEvents(store, 6, 4);
      const dataSource = await open();
      const catalog = runner(streamCatalogProjection, dataSource);
      await catalog.start();
      await waitUntilCaughtUp(catalog, store);
      expect(await dataSource.getRepository(StreamCatalogEntry).count()).toBe(6);

      const { lastPosition } = await store.append('case-sample1', [{ type: 'Noted', data: {} }], {
        expectedVersion: 4,
      });
      await waitUntilCaughtUp(catalog, store);
      expect(
        await dataSource.getRepository(StreamCatalogEntry).findOneBy({ streamId: 'case-sample1' }),
      ).toMatchObject({ category: 'case', version: 5, lastEventType: 'Noted', lastPosition });
      expect(await readCheckpoint(dataSource.manager, 'stream-catalog')).toBe(lastPosition);
      expect(catalog.status()).toMatchObject({ state: 'running', live: true, error: null });
    });

    it('gives the same read model when the log is replayed over it and when rebuilt', async () => {
      await appendSampleEvents(store, 9, 5);
      const dataSource = await open();
      const first = runner(streamCatalogProjection, dataSource);
      await first.start();
      await waitUntilCaughtUp(first, store);
      await first.stop();
      const once = await streamCatalogSnapshot(dataSource);
      expect(once).toHaveLength(9);

      await resetCheckpoint(dataSource.manager, 'stream-catalog', clock.now());
      const again = runner(streamCatalogProjection, dataSource);
      await again.start();
      await waitUntilCaughtUp(again, store);
      await again.stop();
      expect(await streamCatalogSnapshot(dataSource)).toEqual(once);

      await rebuildProjection(streamCatalogProjection, store, dataSource, { clock });
      expect(await streamCatalogSnapshot(dataSource)).toEqual(once);
    });

    it('commits a batch and its checkpoint together: a failing batch leaves neither, what precedes the failing event commits, and it is retried', async () => {
      await appendSampleEvents(store, 3, 1);
      const dataSource = await open();
      const before = runner(ledgerProjection, dataSource, 100);
      await before.start();
      await waitUntilCaughtUp(before, store);
      await before.stop();
      const committed = await headPosition(store);

      await store.append(
        'case-poisoned',
        [
          { type: 'Opened', data: {} },
          { type: 'Ignored', data: {} },
          { type: POISON, data: {} },
          { type: 'Opened', data: {} },
        ],
        {
          expectedVersion: 'no_stream',
        },
      );
      // One transaction per handled event after the batch failed: Opened commits alone.
      const [opened] = await store.readAll({ after: committed, limit: 1 });
      const beforePoison = opened.globalPosition;
      const failing = runner(ledgerProjection, dataSource, 100);
      await failing.start();
      await waitFor(() => scheduler.pending === 1, { what: 'the first backoff' });
      scheduler.release();
      await waitFor(() => failing.status().failures === 2 && scheduler.pending === 1, {
        what: 'the second backoff',
      });
      expect(scheduler.delays).toEqual([100, 200]);
      expect(failing.status()).toMatchObject({
        state: 'retrying',
        live: false,
        checkpoint: beforePoison,
        error: expect.stringContaining('refusing'),
        failures: 2,
        lastErrorAt: clock.now(),
        nextRetryAt: new Date(clock.now().getTime() + 200),
      });
      // Applied once each: the failed batch's own writes were rolled back.
      expect(await ledger(dataSource)).toEqual([1, 1, 1, 1]);
      expect(await readCheckpoint(dataSource.manager, 'test-ledger')).toBe(beforePoison);
      await failing.stop();
      await expect(failing.done).resolves.toBeUndefined();
      expect(failing.status()).toMatchObject({ state: 'stopped', failures: 2 });
    });

    it('stays retrying while a batch that failed is handed over again through a store that opens it first', async () => {
      await store.append('case-poisoned', [{ type: POISON, data: {} }], {
        expectedVersion: 'no_stream',
      });
      const dataSource = await open();
      // As the sealing store does: the subscription has read the batch (and counts itself live),
      // and the runner gets it only once it is opened.
      let handOver: () => void = () => undefined;
      let handedOver = 0;
      const opening = forwardingTo(store, {
        subscribeToAll: (options, handler) =>
          store.subscribeToAll(options, async (events) => {
            handedOver++;
            await new Promise<void>((resolve) => (handOver = resolve));
            await handler(events);
          }),
      });
      const failing = new ProjectionRunner(ledgerProjection, opening, dataSource, {
        clock,
        batchSize: 100,
        scheduler,
        random: () => 0,
      });
      runners.push(failing);
      await failing.start();
      await waitFor(() => handedOver === 1, { what: 'the first hand-over' });
      handOver();
      await waitFor(() => scheduler.pending === 1, { what: 'the first backoff' });
      scheduler.release();
      await waitFor(() => handedOver === 2, { what: 'the batch read again' });
      expect(failing.status()).toMatchObject({ state: 'retrying', failures: 1 });
      handOver();
      await waitFor(() => scheduler.pending === 1 && failing.status().failures === 2, {
        what: 'the second backoff',
      });
      expect(failing.status().state).toBe('retrying');
    });

    it('defers the checkpoint of batches it has nothing for, writing it later and on stop', async () => {
      const ignoring: Projection = {
        name: 'test-ignoring',
        entities: [],
        canHandle: () => false,
        apply: async () => undefined,
      };
      const dataSource = await open();
      const make = (every: number) => {
        const created = new ProjectionRunner(ignoring, store, dataSource, {
          clock,
          batchSize: 3,
          idleCheckpointEveryMs: every,
        });
        runners.push(created);
        return created;
      };
      // A long interval: nothing is written while running, and all of it on stop.
      const patient = make(3_600_000);
      await patient.start();
      const head = await appendSampleEvents(store, 4, 3);
      await waitUntilCaughtUp(patient, store);
      expect(patient.status().checkpoint).toBe(head);
      expect(await readCheckpoint(dataSource.manager, 'test-ignoring')).toBe(0n);
      await patient.stop();
      expect(await readCheckpoint(dataSource.manager, 'test-ignoring')).toBe(head);

      // A short one: the write comes by itself, with no batch after it to carry it.
      const prompt = make(50);
      await prompt.start();
      const later = await appendSampleEvents(store, 2, 1, 'later-');
      await waitFor(
        async () => (await readCheckpoint(dataSource.manager, 'test-ignoring')) === later,
        { what: 'the deferred checkpoint write' },
      );
    });

    it('applies every event exactly once across stops and restarts', async () => {
      const dataSource = await open();
      for (let round = 0; round < 3; round++) {
        await appendSampleEvents(store, 5, 3, `round${round}-`);
        const current = runner(ledgerProjection, dataSource, 4);
        await current.start();
        await waitUntilCaughtUp(current, store);
        await current.stop();
      }
      expect(await ledger(dataSource)).toEqual(Array(45).fill(1));
    });

    it.each([
      ['one data source', 1],
      ['two data sources', 2],
    ])('lets only one of two runners of a projection advance (%s)', async (_how, sources) => {
      const a = await open();
      const b = sources === 1 ? a : await open();
      const first = runner(ledgerProjection, a, 5);
      const second = runner(ledgerProjection, b, 5);
      await first.start();
      await second.start();
      const head = await appendSampleEvents(store, 10, 4);

      await waitFor(
        () => {
          const states = [first.status(), second.status()];
          return (
            states.some((s) => s.state === 'failed') &&
            states.some((s) => s.live && s.checkpoint === head)
          );
        },
        { what: 'one runner to fail and the other to catch up' },
      );
      const loser = first.status().state === 'failed' ? first : second;
      await expect(loser.done).rejects.toBeInstanceOf(CheckpointConflictError);
      await expect(loser.done).rejects.toThrow('another runner');
      expect(await ledger(a)).toEqual(Array(40).fill(1));
    });

    it('refuses a read-model table older than its entity, until a rebuild recreates it', async () => {
      await appendSampleEvents(store, 2, 1);
      const dataSource = await open();
      const { tablePath, tableName } = dataSource.getMetadata(StreamCatalogEntry);
      await ensureTables(dataSource, [ProjectionCheckpointEntity]);
      await dataSource.createQueryRunner().createTable(
        new Table({
          name: tablePath,
          columns: [
            { name: 'stream_id', type: 'varchar', length: '200', isPrimary: true },
            { name: 'version', type: 'integer' },
          ],
        }),
      );
      await expect(runner(streamCatalogProjection, dataSource).start()).rejects.toThrow(
        new ReadModelSchemaError(
          tableName,
          ['category', 'last_event_type', 'last_position', 'updated_at'],
          'stream-catalog',
        ),
      );

      await rebuildProjection(streamCatalogProjection, store, dataSource, { clock });
      const catalog = runner(streamCatalogProjection, dataSource);
      await catalog.start();
      await waitUntilCaughtUp(catalog, store);
      expect(await streamCatalogSnapshot(dataSource)).toHaveLength(2);
    });

    it('rebuilds from zero, dropping stale rows and reporting progress', async () => {
      await appendSampleEvents(store, 8, 5);
      const dataSource = await open();
      const live = runner(streamCatalogProjection, dataSource);
      await live.start();
      await waitUntilCaughtUp(live, store);
      await live.stop();
      const expected = await streamCatalogSnapshot(dataSource);
      await dataSource.getRepository(StreamCatalogEntry).insert({
        streamId: 'stale-row',
        category: 'stale',
        version: 1,
        lastEventType: 'Gone',
        lastPosition: 999n,
        updatedAt: clock.now(),
      });

      const reports: RebuildProgress[] = [];
      const summary = await rebuildProjection(streamCatalogProjection, store, dataSource, {
        clock,
        batchSize: 10,
        onProgress: (progress) => {
          reports.push(progress);
          clock.advance(100);
        },
      });
      expect(await streamCatalogSnapshot(dataSource)).toEqual(expected);
      expect(reports.map((r) => r.done)).toEqual([10, 20, 30, 40]);
      expect(reports.every((r) => r.total === 40)).toBe(true);
      expect(reports[1]).toMatchObject({ eventsPerSecond: 200, etaMs: 100 });
      expect(summary).toMatchObject({ done: 40, total: 40, position: await headPosition(store) });
      expect(await readCheckpoint(dataSource.manager, 'stream-catalog')).toBe(summary.position);
    });
  });
}
