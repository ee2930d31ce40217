import { RecordedEvent } from '@heard/event-store';
import { FixedClock, InMemoryEventStore, waitFor } from '@heard/event-store/testing';
import { DataSource } from 'typeorm';
import { readCheckpoint } from '../checkpoint/checkpoints';
import { ProjectionCheckpointEntity } from '../checkpoint/projection-checkpoint.entity';
import { ManualScheduler } from '../testing/manual-scheduler';
import { Reactor } from './reactor';
import { ReactorRunner } from './reactor-runner';

/** Partitions by stream; each handling waits for the test to release it, so overlap is visible. */
class GatedReactor implements Reactor {
  readonly name = 'gated-reactor';
  readonly started: string[] = [];
  readonly finished: string[] = [];
  running = 0;
  maxRunning = 0;
  private readonly gates: (() => void)[] = [];
  failOnce = new Set<string>();

  canHandle(): boolean {
    return true;
  }

  async partitionOf(event: RecordedEvent): Promise<string> {
    return event.streamId;
  }

  async handle(event: RecordedEvent): Promise<void> {
    const label = `${event.streamId}#${event.streamVersion}`;
    this.started.push(label);
    this.running++;
    this.maxRunning = Math.max(this.maxRunning, this.running);
    await new Promise<void>((resolve) => this.gates.push(resolve));
    this.running--;
    if (this.failOnce.delete(label)) throw new Error(`failed ${label}`);
    this.finished.push(label);
  }

  release(): void {
    for (const open of this.gates.splice(0)) open();
  }
}

describe('reactor runner with partitions', () => {
  const clock = new FixedClock();
  let store: InMemoryEventStore;
  let dataSource: DataSource;
  let reactor: GatedReactor;
  let runner: ReactorRunner;
  let scheduler: ManualScheduler;

  beforeEach(async () => {
    store = new InMemoryEventStore(clock);
    dataSource = await new DataSource({
      type: 'better-sqlite3',
      database: ':memory:',
      entities: [ProjectionCheckpointEntity],
    }).initialize();
    reactor = new GatedReactor();
    scheduler = new ManualScheduler();
    for (const stream of ['a', 'b']) {
      await store.append(
        stream,
        [1, 2, 3].map((n) => ({ type: 'Step', data: { n } })),
        { expectedVersion: 'no_stream' },
      );
    }
  });

  afterEach(async () => {
    await runner.stop();
    await dataSource.destroy();
  });

  const drain = async (count: number) => {
    await waitFor(
      () => {
        reactor.release();
        return reactor.finished.length >= count;
      },
      { what: `${count} handled events` },
    );
  };

  it('works on partitions side by side, each in log order, and passes the batch only when all of it succeeded', async () => {
    runner = new ReactorRunner(reactor, store, dataSource, {
      clock,
      scheduler,
      batchSize: 10,
      concurrency: 4,
    });
    await runner.start();
    await waitFor(() => reactor.running === 2, { what: 'both partitions to start' });
    expect(await readCheckpoint(dataSource.manager, reactor.name)).toBe(0n);
    await drain(6);
    expect(reactor.maxRunning).toBe(2);
    expect(reactor.finished.filter((l) => l.startsWith('a'))).toEqual(['a#1', 'a#2', 'a#3']);
    expect(reactor.finished.filter((l) => l.startsWith('b'))).toEqual(['b#1', 'b#2', 'b#3']);
    await waitFor(async () => (await readCheckpoint(dataSource.manager, reactor.name)) === 6n, {
      what: 'the checkpoint past the batch',
    });
  });

  it('keeps the checkpoint before a batch whose event is still being retried', async () => {
    reactor.failOnce.add('b#2');
    runner = new ReactorRunner(reactor, store, dataSource, {
      clock,
      scheduler,
      batchSize: 10,
      concurrency: 4,
    });
    await runner.start();
    await drain(4);
    await waitFor(() => scheduler.pending > 0, { what: 'the retry of b#2 to be scheduled' });
    expect(await readCheckpoint(dataSource.manager, reactor.name)).toBe(0n);
    scheduler.release();
    await drain(6);
    expect(reactor.finished.filter((l) => l.startsWith('b'))).toEqual(['b#1', 'b#2', 'b#3']);
  });
});
