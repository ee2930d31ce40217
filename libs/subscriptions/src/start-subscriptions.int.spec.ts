import { complaint } from '@heard/cases/testing';
import { loadConfig } from '@heard/config';
import { EventStore, handleCommand, systemClock } from '@heard/event-store';
import { waitFor } from '@heard/event-store/testing';
import { PostgresEventStore } from '@heard/event-store-postgres';
import { feedbackDecider, feedbackStreamId } from '@heard/feedback';
import { readModelEntities, RunnerStatus, StreamCatalogEntry } from '@heard/projections';
import {
  headPosition,
  ManualScheduler,
  postgresSchemaDatabase,
  ReadModelDatabase,
} from '@heard/projections/testing';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { projections, reactors } from './registry';
import { RunningSubscriptions, startSubscriptions } from './start-subscriptions';

jest.setTimeout(60_000);

/** What PostgreSQL says of a NUL: in a jsonb value, or in a text column. */
const REFUSED_NUL = /unsupported Unicode escape sequence|0x00/;

const url = process.env.TEST_DATABASE_URL ?? 'postgres://unset';

describe('one poisoned subscription among all of them (PostgreSQL)', () => {
  let store: PostgresEventStore;
  let database: ReadModelDatabase;
  let dataSource: DataSource;
  let scheduler: ManualScheduler;
  let running: RunningSubscriptions;
  const lines: string[] = [];

  beforeAll(async () => {
    store = await PostgresEventStore.open({
      connectionString: url,
      schema: `heard_es_poison_${randomBytes(4).toString('hex')}`,
      clock: systemClock,
    });
    database = await postgresSchemaDatabase(url)();
    dataSource = await database.open(readModelEntities(projections));
    scheduler = new ManualScheduler();
    running = await startSubscriptions({
      store,
      dataSource,
      clock: systemClock,
      projections,
      reactors: reactors({ store, dataSource, clock: systemClock, config: loadConfig({}) }),
      log: (line) => lines.push(line),
      scheduler,
      random: () => 0,
    });
  });

  afterAll(async () => {
    await running?.stop();
    await store?.close();
    await database?.dispose();
  });

  /** Each from a customer of their own: the same customer's complaints would merge into one case. */
  const receive = (store: EventStore, feedbackId: string, text: string) =>
    handleCommand(
      store,
      feedbackStreamId(feedbackId),
      feedbackDecider,
      complaint(feedbackId, {
        customer: { id: `C-${feedbackId}`, consent: true },
        personal: { text },
      }),
    );
  const statusOf = (name: string): RunnerStatus => {
    const status = running.status().find((s) => s.name === name);
    if (!status) throw new Error(`no runner named ${name}`);
    return status;
  };

  it('retries customer-feedback with backoff while every other runner goes on', async () => {
    // PostgreSQL's text and jsonb refuse \u0000; the event store's json column keeps it.
    await receive(store, 'nul-1', 'the till ate my card\u0000');
    await waitFor(() => statusOf('customer-feedback').state === 'retrying', {
      what: 'customer-feedback to fail on the NUL',
    });
    const first = statusOf('customer-feedback');
    expect(first).toMatchObject({
      live: false,
      checkpoint: 0n,
      failures: 1,
      error: expect.stringMatching(REFUSED_NUL),
      lastError: expect.stringMatching(REFUSED_NUL),
    });
    expect(first.nextRetryAt!.getTime() - first.lastErrorAt!.getTime()).toBe(100);

    scheduler.release();
    await waitFor(() => statusOf('customer-feedback').failures === 2, { what: 'a retry' });
    const second = statusOf('customer-feedback');
    expect(second).toMatchObject({ state: 'retrying', checkpoint: 0n });
    expect(second.nextRetryAt!.getTime() - second.lastErrorAt!.getTime()).toBe(200);
    expect(lines).toContainEqual(
      expect.stringMatching(/^customer-feedback: .* failed \(attempt 2\), retry in 200 ms: /),
    );

    // Later feedback still opens its case; every other read model takes it in.
    await receive(store, 'later-1', 'no one at the service desk');
    // The case opener appends as it goes: the head is where the log ends once all are live.
    await waitFor(
      async () => {
        const head = await headPosition(store);
        return running
          .status()
          .filter((s) => s.name !== 'customer-feedback')
          .every((s) => s.live && s.checkpoint === head);
      },
      { what: 'every other runner to reach the head', timeoutMs: 30_000 },
    );
    expect(
      running
        .status()
        .filter((s) => s.state !== 'running' || s.failures > 0)
        .map((s) => s.name),
    ).toEqual(['customer-feedback']);
    const catalog = dataSource.getRepository(StreamCatalogEntry);
    expect(await catalog.findOneBy({ streamId: 'case-nul-1' })).toMatchObject({ category: 'case' });
    expect(await catalog.findOneBy({ streamId: 'case-later-1' })).toMatchObject({
      category: 'case',
    });
    expect(statusOf('customer-feedback')).toMatchObject({ state: 'retrying', checkpoint: 0n });
    await expect(Promise.race([running.done, Promise.resolve('running')])).resolves.toBe('running');
  });
});
