import { RecordedEvent } from '@heard/event-store';
import { FixedClock, InMemoryEventStore, waitFor } from '@heard/event-store/testing';
import { DataSource } from 'typeorm';
import { readCheckpoint } from '../checkpoint/checkpoints';
import { ProjectionCheckpointEntity } from '../checkpoint/projection-checkpoint.entity';
import { RunnerFailure } from '../runner/runner-failure';
import { ManualScheduler } from '../testing/manual-scheduler';
import { Reactor } from './reactor';
import { ReactorRunner } from './reactor-runner';

/** Partitions by stream; finding a partition fails while `partitionsDown` is set. */
class StreamReactor implements Reactor {
  readonly name = 'recovering-reactor';
  readonly handled: string[] = [];
  partitionsDown = false;

  canHandle(): boolean {
    return true;
  }

  async partitionOf(event: RecordedEvent): Promise<string> {
    if (this.partitionsDown) throw new Error('partition lookup failed');
    return event.streamId;
  }

  async handle(event: RecordedEvent): Promise<void> {
    this.handled.push(event.eventId);
  }
}

describe('reactor runner, errors outside the handler', () => {
  const clock = new FixedClock();
  let store: InMemoryEventStore;
  let dataSource: DataSource;
  let scheduler: ManualScheduler;
  let reactor: StreamReactor;
  let failures: RunnerFailure[];
  let runner: ReactorRunner;

  beforeEach(async () => {
    store = new InMemoryEventStore(clock);
    dataSource = await new DataSource({
      type: 'better-sqlite3',
      database: ':memory:',
      entities: [ProjectionCheckpointEntity],
    }).initialize();
    scheduler = new ManualScheduler();
    reactor = new StreamReactor();
    failures = [];
    runner = new ReactorRunner(reactor, store, dataSource, {
      clock,
      scheduler,
      random: () => 0,
      batchSize: 10,
      concurrency: 4,
      onFailure: (failure) => failures.push(failure),
    });
  });

  afterEach(async () => {
    await runner.stop();
    await dataSource.destroy();
  });

  const append = async (streamId: string, count: number) =>
    (
      await store.append(
        streamId,
        Array.from({ length: count }, () => ({ type: 'Step', data: {} })),
        { expectedVersion: 'any' },
      )
    ).lastPosition;
  const stored = () => readCheckpoint(dataSource.manager, reactor.name);

  it('retries a failed partition lookup with backoff instead of stopping', async () => {
    reactor.partitionsDown = true;
    const head = await append('a', 3);
    await runner.start();
    await waitFor(() => scheduler.pending === 1, { what: 'the first backoff' });
    scheduler.release();
    await waitFor(() => failures.length === 2 && scheduler.pending === 1, {
      what: 'the second backoff',
    });
    expect(scheduler.delays).toEqual([100, 200]);
    expect(failures.map((f) => [f.event, f.attempt, f.retryInMs])).toEqual([
      [null, 1, 100],
      [null, 2, 200],
    ]);
    expect(runner.status()).toMatchObject({
      state: 'retrying',
      error: 'partition lookup failed',
      failures: 2,
      checkpoint: 0n,
    });

    reactor.partitionsDown = false;
    scheduler.release();
    await waitFor(() => runner.status().live && runner.status().checkpoint === head, {
      what: 'the reactor to get past the lookups',
    });
    expect(runner.status()).toMatchObject({ state: 'running', error: null, failures: 2 });
    expect(reactor.handled).toHaveLength(3);
    await expect(Promise.race([runner.done, Promise.resolve('still running')])).resolves.toBe(
      'still running',
    );
  });

  it('retries a checkpoint it could not write, from what the table holds, and redelivers', async () => {
    const first = await append('a', 2);
    await runner.start();
    await waitFor(async () => (await stored()) === first, { what: 'the first checkpoint' });

    await dataSource.query('ALTER TABLE projection_checkpoints RENAME TO checkpoints_away');
    const head = await append('b', 2);
    await waitFor(() => scheduler.pending === 1, { what: 'a backoff after the failed write' });
    expect(reactor.handled).toHaveLength(4);
    expect(runner.status()).toMatchObject({
      state: 'retrying',
      error: expect.stringContaining('no such table'),
      failures: 1,
      checkpoint: first,
    });
    // Reading the checkpoint back fails too while the table is away: still a retry.
    scheduler.release();
    await waitFor(() => failures.length === 2 && scheduler.pending === 1);

    await dataSource.query('ALTER TABLE checkpoints_away RENAME TO projection_checkpoints');
    scheduler.release();
    await waitFor(() => runner.status().live && runner.status().checkpoint === head, {
      what: 'the reactor to write its checkpoint',
    });
    expect(await stored()).toBe(head);
    expect(runner.status()).toMatchObject({
      state: 'running',
      error: null,
      failures: 2,
      lastError: expect.stringContaining('no such table'),
    });
    // At least once: the batch whose checkpoint was lost is delivered again.
    expect(reactor.handled).toHaveLength(6);
  });
});
