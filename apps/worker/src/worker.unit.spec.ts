import { FixedClock, InMemoryEventStore, waitFor } from '@heard/event-store/testing';
import { readModelEntities, StreamCatalogEntry, streamCatalogProjection } from '@heard/projections';
import { DataSource } from 'typeorm';
import { startWorker } from './worker';

// The worker's machinery, shown on one projection rather than the whole registry.
const projections = [streamCatalogProjection];

describe('worker', () => {
  it('runs every registered projection to live, logs it and stops cleanly', async () => {
    const clock = new FixedClock();
    const store = new InMemoryEventStore(clock);
    const dataSource = await new DataSource({
      type: 'better-sqlite3',
      database: ':memory:',
      entities: readModelEntities(projections),
    }).initialize();
    await store.append('feedback-1', [{ type: 'FeedbackReceived', data: {} }], {
      expectedVersion: 'no_stream',
    });
    const lines: string[] = [];
    const worker = await startWorker({
      store,
      dataSource,
      projections,
      clock,
      log: (line) => lines.push(line),
      statusEveryMs: 10,
    });
    await waitFor(() => lines.length === 2, { what: 'the worker to log that it is live' });
    expect(await dataSource.getRepository(StreamCatalogEntry).count()).toBe(1);
    expect(lines).toEqual([
      'stream-catalog: started from position 0',
      'stream-catalog: live at position 1',
    ]);
    await worker.stop();
    await expect(worker.done).resolves.toBeUndefined();
    expect(worker.status().map((s) => s.state)).toEqual(['stopped']);
    await dataSource.destroy();
  });
});
