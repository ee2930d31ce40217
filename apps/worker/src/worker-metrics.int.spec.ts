import { systemClock } from '@heard/event-store';
import { waitFor } from '@heard/event-store/testing';
import { SqliteEventStore } from '@heard/event-store-sqlite';
import { HeardMetrics } from '@heard/observability';
import { readModelEntities, streamCatalogProjection } from '@heard/projections';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { startWorker } from './worker';
import { serveWorkerMetrics } from './worker-metrics';

const projections = [streamCatalogProjection];

describe('worker metrics (METRICS_PORT)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'heard-worker-metrics-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("serves each runner's checkpoint and lag and the store's group commits", async () => {
    const metrics = new HeardMetrics();
    const store = new SqliteEventStore(join(dir, 'events.sqlite'), systemClock, {
      onGroupCommit: metrics.observeGroupCommit,
    });
    const dataSource = await new DataSource({
      type: 'better-sqlite3',
      database: ':memory:',
      entities: readModelEntities(projections),
    }).initialize();
    const worker = await startWorker({
      store,
      dataSource,
      projections,
      clock: systemClock,
      log: () => undefined,
    });
    const server = await serveWorkerMetrics(metrics, worker, store, { port: 0, host: '127.0.0.1' });
    try {
      const { lastPosition } = await store.append('feedback-1', [{ type: 'Probed', data: {} }], {
        expectedVersion: 'no_stream',
      });
      let text = '';
      await waitFor(
        async () => {
          text = await (await fetch(`http://127.0.0.1:${server.port}/metrics`)).text();
          return text.includes(
            `heard_subscription_checkpoint{subscription="stream-catalog",kind="projection"} ${lastPosition}`,
          );
        },
        { what: 'the checkpoint of stream-catalog in /metrics' },
      );
      expect(text).toContain(
        'heard_subscription_events_behind{subscription="stream-catalog",kind="projection"} 0',
      );
      expect(text).toMatch(/^heard_event_store_appends_total 1$/m);
      expect(text).toMatch(/^process_resident_memory_bytes /m);
      expect((await fetch(`http://127.0.0.1:${server.port}/other`)).status).toBe(404);
    } finally {
      await server.close();
      await worker.stop();
      await store.close();
      await dataSource.destroy();
    }
  });
});
