import { CommittedGroup, NewEvent } from '@heard/event-store';
import { FixedClock, waitFor } from '@heard/event-store/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from './sqlite-event-store';

const events = (n: number): NewEvent[] =>
  Array.from({ length: n }, (_, i) => ({ type: 'Tested', data: { i } }));

const total = (groups: readonly CommittedGroup[], key: 'appends' | 'events') =>
  groups.reduce((sum, g) => sum + g[key], 0);

describe('SQLite group commits told to an observer', () => {
  const dir = mkdtempSync(join(tmpdir(), 'heard-sqlite-observer-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['on its own connection', false],
    ['from the writer thread', true],
  ])('reports every append and event %s', async (_, writerThread) => {
    const groups: CommittedGroup[] = [];
    const store = new SqliteEventStore(join(dir, `${writerThread}.sqlite`), new FixedClock(), {
      writerThread,
      onGroupCommit: (group) => groups.push(group),
    });
    try {
      await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          store.append(`s-${i}`, events(2), { expectedVersion: 'no_stream' }),
        ),
      );
      await waitFor(() => total(groups, 'appends') === 50, { what: 'all 50 appends reported' });
      expect(total(groups, 'events')).toBe(100);
      // Concurrent appends shared commits: fewer groups than appends.
      expect(groups.length).toBeLessThan(50);
      expect(groups.every((g) => g.seconds >= 0 && g.appends > 0)).toBe(true);
    } finally {
      await store.close();
    }
  });
});
