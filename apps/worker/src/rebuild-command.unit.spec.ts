import { FixedClock, InMemoryEventStore } from '@heard/event-store/testing';
import { readModelEntities, StreamCatalogEntry, streamCatalogProjection } from '@heard/projections';
import { DataSource } from 'typeorm';
import { runRebuild } from './rebuild-command';

// The worker's machinery, shown on one projection rather than the whole registry.
const projections = [streamCatalogProjection];

describe('projections:rebuild', () => {
  const clock = new FixedClock();
  let out: string[];
  let err: string[];
  let store: InMemoryEventStore;
  let dataSource: DataSource;

  beforeEach(async () => {
    out = [];
    err = [];
    store = new InMemoryEventStore(clock);
    dataSource = await new DataSource({
      type: 'better-sqlite3',
      database: ':memory:',
      entities: readModelEntities(projections),
    }).initialize();
  });
  afterEach(() => dataSource.destroy());

  const run = (...args: string[]) =>
    runRebuild(args, {
      clock,
      out: (line) => out.push(line),
      err: (line) => err.push(line),
      projections,
      open: async () => ({ store, dataSource }),
    });

  it('answers 2 and lists the valid names for an unknown projection', async () => {
    expect(await run('nope')).toBe(2);
    expect(err).toEqual(['unknown projection "nope"; valid names: stream-catalog, all']);
    expect(out).toEqual([]);
  });

  it('answers 2 with usage when no name is given', async () => {
    expect(await run()).toBe(2);
    expect(err[0]).toMatch(/^usage: projections:rebuild <name\|all>/);
  });

  it('rebuilds every projection with `all`, printing progress at most every second', async () => {
    for (let i = 0; i < 2100; i++) {
      await store.append(`case-${i % 50}`, [{ type: 'Noted', data: { i } }], {
        expectedVersion: 'any',
      });
    }
    expect(await run('all')).toBe(0);
    expect(await dataSource.getRepository(StreamCatalogEntry).count()).toBe(50);
    // The clock stands still, so only the first of three batches may print.
    expect(out).toEqual([
      'stream-catalog: dropping its tables and checkpoint, replaying from the start',
      'stream-catalog   47.6%  1,000/2,100 events  position 1000  0 ev/s  ETA --:--',
      'stream-catalog rebuilt: 2,100 events to position 2100 in 0.0 s (0 ev/s)',
    ]);
  });
});
