import { RecordedEvent } from '@heard/event-store';
import { FixedClock, InMemoryEventStore, waitFor } from '@heard/event-store/testing';
import { DataSource } from 'typeorm';
import { ProjectionCheckpointEntity } from '../checkpoint/projection-checkpoint.entity';
import { ManualScheduler } from '../testing/manual-scheduler';
import { NOT_YET_GRACE_MS, NOT_YET_RETRY_MS, NotYetError } from './not-yet.error';
import { Reactor } from './reactor';
import { ReactorRunner } from './reactor-runner';

/** Says "not yet" until `ready` is set, as a reactor waiting for a read model does. */
class WaitingReactor implements Reactor {
  readonly name = 'waiting-reactor';
  readonly handled: string[] = [];
  ready = false;

  canHandle(): boolean {
    return true;
  }

  async partitionOf(event: RecordedEvent): Promise<string> {
    return event.streamId;
  }

  async handle(event: RecordedEvent): Promise<void> {
    if (!this.ready) throw new NotYetError('the read model is behind');
    this.handled.push(event.eventId);
  }
}

describe('reactor runner, a handler that says not yet', () => {
  const clock = new FixedClock();
  let store: InMemoryEventStore;
  let dataSource: DataSource;
  let scheduler: ManualScheduler;
  let reactor: WaitingReactor;
  let runner: ReactorRunner;

  beforeEach(async () => {
    store = new InMemoryEventStore(clock);
    dataSource = await new DataSource({
      type: 'better-sqlite3',
      database: ':memory:',
      entities: [ProjectionCheckpointEntity],
    }).initialize();
    scheduler = new ManualScheduler();
    reactor = new WaitingReactor();
    runner = new ReactorRunner(reactor, store, dataSource, {
      clock,
      scheduler,
      random: () => 0,
      batchSize: 10,
      concurrency: 1,
    });
    await store.append('s', [{ type: 'Step', data: {} }], { expectedVersion: 'no_stream' });
  });

  afterEach(async () => {
    await runner.stop();
    await dataSource.destroy();
  });

  it('tries again shortly without counting a failure or leaving the running state', async () => {
    await runner.start();
    await waitFor(() => scheduler.pending === 1, { what: 'the first short wait' });
    scheduler.release();
    await waitFor(() => scheduler.pending === 1 && scheduler.delays.length === 2, {
      what: 'the second short wait',
    });
    expect(scheduler.delays).toEqual([NOT_YET_RETRY_MS, NOT_YET_RETRY_MS]);
    expect(runner.status()).toMatchObject({ state: 'running', failures: 0, error: null });
    reactor.ready = true;
    scheduler.release();
    await waitFor(() => reactor.handled.length === 1, { what: 'the event handled' });
    expect(runner.status()).toMatchObject({ state: 'running', failures: 0 });
  });

  it('reports the wait as a failure once it has lasted past the grace period', async () => {
    await runner.start();
    await waitFor(() => scheduler.pending === 1, { what: 'the first short wait' });
    clock.advance(NOT_YET_GRACE_MS);
    scheduler.release();
    await waitFor(() => runner.status().failures === 1, { what: 'the failure counted' });
    expect(runner.status()).toMatchObject({
      state: 'retrying',
      error: 'the read model is behind',
    });
  });
});
