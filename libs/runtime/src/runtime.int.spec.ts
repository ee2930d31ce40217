import { loadConfig } from '@heard/config';
import { FixedClock } from '@heard/event-store/testing';
import { randomUUID } from 'node:crypto';
import { createEventStore } from './event-store.factory';

describe('runtime factories against PostgreSQL', () => {
  it('opens the PostgreSQL event store when EVENT_STORE=postgres', async () => {
    const config = loadConfig({
      EVENT_STORE: 'postgres',
      DATABASE_URL: process.env.TEST_DATABASE_URL,
      JWT_SECRET: 's'.repeat(32),
      HEARD_MASTER_KEY: Buffer.alloc(32, 3).toString('base64'),
    });
    const store = await createEventStore(config, new FixedClock());
    try {
      const streamId = `runtime-${randomUUID()}`;
      await store.append(streamId, [{ type: 'Probed', data: {} }], {
        expectedVersion: 'no_stream',
      });
      expect((await store.readStream(streamId)).map((e) => e.type)).toEqual(['Probed']);
    } finally {
      await store.close();
    }
  });
});
