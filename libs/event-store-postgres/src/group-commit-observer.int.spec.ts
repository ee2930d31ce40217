import { CommittedGroup, NewEvent } from '@heard/event-store';
import { Pool } from 'pg';
import { PostgresEventStore } from './postgres-event-store';
import { testSchemaName } from './testing/test-schema';

const two: NewEvent[] = [
  { type: 'Observed', data: { n: 1 } },
  { type: 'Observed', data: { n: 2 } },
];

describe('postgres group commits told to an observer', () => {
  const schema = testSchemaName('observer');
  const groups: CommittedGroup[] = [];
  let pool: Pool;
  let store: PostgresEventStore;

  beforeAll(async () => {
    pool = new Pool({ connectionString: process.env.TEST_DATABASE_URL, max: 4 });
    store = await PostgresEventStore.open({
      pool,
      schema,
      onGroupCommit: (group) => groups.push(group),
    });
  });
  afterAll(async () => {
    await store.close();
    await pool.end();
  });

  it('reports each committed group with its appends, events and time, as the counters have them', async () => {
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        store.append(`observed-${i}`, two, { expectedVersion: 'no_stream' }),
      ),
    );
    const stats = store.stats();
    expect(groups).toHaveLength(stats.groups);
    expect(groups.reduce((sum, g) => sum + g.appends, 0)).toBe(40);
    expect(groups.reduce((sum, g) => sum + g.events, 0)).toBe(80);
    expect(groups.length).toBeLessThan(40);
    expect(groups.every((g) => g.seconds > 0)).toBe(true);
  });
});
