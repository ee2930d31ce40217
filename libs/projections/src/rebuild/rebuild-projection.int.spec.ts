import { EventStore, ReadAllOptions, RecordedEvent } from '@heard/event-store';
import { InMemoryEventStore, waitFor } from '@heard/event-store/testing';
import { DataSource } from 'typeorm';
import { defineProjection } from '../projection';
import { readModelEntities } from '../read-model-entities';
import { rebuildProjection } from './rebuild-projection';

describe('rebuildProjection', () => {
  let dataSource: DataSource;
  const applied: string[] = [];
  const projection = defineProjection({
    name: 'rebuild-test',
    entities: [],
    async apply(event: RecordedEvent) {
      applied.push(event.eventId);
    },
  });

  beforeEach(async () => {
    applied.length = 0;
    dataSource = await new DataSource({
      type: 'better-sqlite3',
      database: ':memory:',
      entities: readModelEntities([projection]),
    }).initialize();
  });
  afterEach(() => dataSource.destroy());

  it('reads two batches ahead of the one it applies, and applies every batch in order', async () => {
    const log = new InMemoryEventStore();
    for (let i = 0; i < 6; i++)
      await log.append(`s-${i}`, [{ type: 'Noted', data: { i } }], {
        expectedVersion: 'no_stream',
      });
    const reads: ReadAllOptions[] = [];
    const store: EventStore = {
      append: (streamId, events, options) => log.append(streamId, events, options),
      readStream: (streamId, options) => log.readStream(streamId, options),
      readAll: (options = {}) => {
        reads.push(options);
        return log.readAll(options);
      },
      subscribeToAll: (options, handler) => log.subscribeToAll(options, handler),
      subscribeToStream: (streamId, options, handler) =>
        log.subscribeToStream(streamId, options, handler),
      close: () => log.close(),
    };
    let firstApplied = false;
    const slowFirst = defineProjection({
      ...projection,
      async apply(event: RecordedEvent, manager) {
        // The first batch is held until the two after it have been asked for.
        if (!firstApplied) await waitFor(() => reads.length >= 3, { what: 'two reads ahead' });
        firstApplied = true;
        await projection.apply(event, manager);
      },
    });
    const summary = await rebuildProjection(slowFirst, store, dataSource, {
      batchSize: 2,
      countIn: log,
    });
    const all = await log.readAll();
    expect(applied).toEqual(all.map((e) => e.eventId));
    expect(summary.done).toBe(6);
    expect(reads.map((r) => [r.after, r.ahead === true])).toEqual([
      [0n, false],
      [all[1].globalPosition, true],
      [all[3].globalPosition, true],
      [all[5].globalPosition, true],
    ]);
  });
});
