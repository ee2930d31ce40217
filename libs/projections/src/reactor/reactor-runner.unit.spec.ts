import { RecordedEvent } from '@heard/event-store';
import { FixedClock, InMemoryEventStore, waitFor } from '@heard/event-store/testing';
import { DataSource } from 'typeorm';
import { readCheckpoint } from '../checkpoint/checkpoints';
import { ProjectionCheckpointEntity } from '../checkpoint/projection-checkpoint.entity';
import { ManualScheduler } from '../testing/manual-scheduler';
import { RunnerFailure } from '../runner/runner-failure';
import { ReactorRunner } from './reactor-runner';
import { Reactor } from './reactor';

/** Records deliveries; throws for event ids in `failing` until the test removes them. */
class RecordingReactor implements Reactor {
  readonly name = 'test-reactor';
  readonly delivered: RecordedEvent[] = [];
  readonly failing = new Set<string>();

  canHandle(type: string): boolean {
    return type !== 'Ignored';
  }

  async handle(event: RecordedEvent): Promise<void> {
    this.delivered.push(event);
    if (this.failing.has(event.eventId)) throw new Error(`cannot handle ${event.eventId}`);
  }
}

describe('reactor runner', () => {
  const clock = new FixedClock();
  let store: InMemoryEventStore;
  let dataSource: DataSource;
  let scheduler: ManualScheduler;
  let reactor: RecordingReactor;
  let failures: RunnerFailure[];
  const runners: ReactorRunner[] = [];

  beforeEach(async () => {
    store = new InMemoryEventStore(clock);
    dataSource = await new DataSource({
      type: 'better-sqlite3',
      database: ':memory:',
      entities: [ProjectionCheckpointEntity],
    }).initialize();
    scheduler = new ManualScheduler();
    reactor = new RecordingReactor();
    failures = [];
  });

  afterEach(async () => {
    for (const runner of runners.splice(0)) await runner.stop();
    await dataSource.destroy();
  });

  const start = async () => {
    const runner = new ReactorRunner(reactor, store, dataSource, {
      clock,
      scheduler,
      random: () => 0,
      batchSize: 3,
      onFailure: (failure) => failures.push(failure),
    });
    runners.push(runner);
    await runner.start();
    return runner;
  };
  const append = async (streamId: string, types: string[]) =>
    (
      await store.append(
        streamId,
        types.map((type) => ({ type, data: {} })),
        { expectedVersion: 'any' },
      )
    ).lastPosition;
  const stored = () => readCheckpoint(dataSource.manager, 'test-reactor');
  const eventAt = async (position: bigint) =>
    (await store.readAll({ after: position - 1n, limit: 1 }))[0];

  it('delivers handled events in order and checkpoints past the ones it ignores', async () => {
    const head = await append('notice-1', ['Scheduled', 'Ignored', 'Sent', 'Ignored', 'Failed']);
    const runner = await start();
    await waitFor(() => runner.status().live && runner.status().checkpoint === head);
    expect(reactor.delivered.map((e) => e.type)).toEqual(['Scheduled', 'Sent', 'Failed']);
    expect(await stored()).toBe(head);
  });

  it('retries a failing handler with backoff and never moves the checkpoint past it', async () => {
    await append('notice-1', ['Scheduled', 'Sent']);
    const poison = await append('notice-2', ['Scheduled']);
    const head = await append('notice-3', ['Scheduled', 'Sent']);
    const stuck = await eventAt(poison);
    reactor.failing.add(stuck.eventId);

    const runner = await start();
    await waitFor(() => scheduler.pending === 1, { what: 'the first backoff' });
    for (const expected of [2, 3]) {
      scheduler.release();
      await waitFor(() => failures.length === expected && scheduler.pending === 1);
    }
    expect(scheduler.delays).toEqual([100, 200, 400]);
    expect(failures.map((f) => [f.event?.eventId, f.attempt])).toEqual([
      [stuck.eventId, 1],
      [stuck.eventId, 2],
      [stuck.eventId, 3],
    ]);
    expect(await stored()).toBe(poison - 1n);
    expect(runner.status()).toMatchObject({
      state: 'retrying',
      checkpoint: poison - 1n,
      live: false,
      error: `cannot handle ${stuck.eventId}`,
      failures: 3,
      lastErrorAt: clock.now(),
      nextRetryAt: new Date(clock.now().getTime() + 400),
    });

    reactor.failing.clear();
    scheduler.release();
    await waitFor(() => runner.status().checkpoint === head, { what: 'the reactor to pass it' });
    expect(await stored()).toBe(head);
    expect(runner.status()).toMatchObject({
      state: 'running',
      error: null,
      failures: 3,
      lastError: `cannot handle ${stuck.eventId}`,
      nextRetryAt: null,
    });
    expect(reactor.delivered.filter((e) => e.eventId === stuck.eventId)).toHaveLength(4);
  });

  it('keeps its place when stopped mid-retry and redelivers the event after a restart', async () => {
    const first = await append('notice-1', ['Scheduled']);
    const poison = await append('notice-2', ['Scheduled']);
    const stuck = await eventAt(poison);
    reactor.failing.add(stuck.eventId);
    const runner = await start();
    await waitFor(() => scheduler.pending === 1, { what: 'a backoff' });
    await runner.stop();
    expect(runner.status()).toMatchObject({ state: 'stopped', checkpoint: first });
    expect(await stored()).toBe(first);

    reactor.failing.clear();
    const restarted = await start();
    await waitFor(() => restarted.status().checkpoint === poison);
    const deliveries = reactor.delivered.map((e) => e.eventId);
    expect(deliveries.filter((id) => id === stuck.eventId)).toHaveLength(2);
    expect(deliveries.filter((id) => id !== stuck.eventId)).toHaveLength(1);
  });
});
