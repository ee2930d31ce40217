import { ReadAllOptions, RecordedEvent } from '@heard/event-store';
import { InMemoryEventStore, waitFor } from '@heard/event-store/testing';
import { DataSource } from 'typeorm';
import { defineProjection } from '../projection';
import { readModelEntities } from '../read-model-entities';
import { rebuildProjection } from './rebuild-projection';

const BATCH = 2;

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
    const reads: ReadAllOptions[] = [];
    // The log, noting each read of a batch (the count pages through it 5,000 at a time).
    const log = new (class extends InMemoryEventStore {
      override readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
        if (options.limit === BATCH) reads.push(options);
        return super.readAll(options);
      }
    })();
    for (let i = 0; i < 6; i++)
      await log.append(`s-${i}`, [{ type: 'Noted', data: { i } }], {
        expectedVersion: 'no_stream',
      });
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
    const summary = await rebuildProjection(slowFirst, log, dataSource, { batchSize: BATCH });
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
