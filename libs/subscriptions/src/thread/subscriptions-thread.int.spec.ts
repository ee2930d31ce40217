import { loadConfig } from '@heard/config';
import { systemClock } from '@heard/event-store';
import { waitFor } from '@heard/event-store/testing';
import { SqliteEventStore } from '@heard/event-store-sqlite';
import Database from 'better-sqlite3';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSubscriptionsThread } from './subscriptions-thread';

const SECRET = 's'.repeat(32);

/** Nice values of this process's threads (Linux: field 19 of /proc/self/task/<tid>/stat). */
const threadNiceValues = (): number[] =>
  readdirSync('/proc/self/task').map((tid) => {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
  });

// Each test starts a thread or a child process: seconds when the machine is busy, never 5.
jest.setTimeout(30_000);
describe('subscriptions in a worker thread (embedded default)', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'heard-thread-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('applies what the API thread appends, mirrors statuses, and stops cleanly', async () => {
    const config = loadConfig({ DATA_DIR: dir, JWT_SECRET: SECRET, SUBSCRIPTIONS_NICE: '10' });
    const store = new SqliteEventStore(join(dir, 'events.sqlite'), systemClock, {
      writerThread: true,
    });
    const lines: string[] = [];
    const running = await startSubscriptionsThread(config, {
      appends: store.connectAppends(),
      log: (line) => lines.push(line),
      statusEveryMs: 10,
    });
    try {
      expect(running.status().map((s) => s.name)).toEqual(
        expect.arrayContaining(['stream-catalog', 'customer-feedback', 'case-opener']),
      );
      expect(lines.some((line) => line.startsWith('stream-catalog: started'))).toBe(true);
      // Asked to, the thread yields the CPU to the API's requests.
      expect(threadNiceValues()).toContain(10);
      const { lastPosition } = await store.append('probe-1', [{ type: 'Probed', data: {} }], {
        expectedVersion: 'no_stream',
      });
      await waitFor(
        () =>
          (running.status().find((s) => s.name === 'stream-catalog')?.checkpoint ?? 0n) >=
          lastPosition,
        { what: 'the thread to apply the API thread append' },
      );
    } finally {
      await running.stop();
      await store.close();
    }
    await expect(running.done).resolves.toBeUndefined();
  });

  it('starts a runner again after its checkpoint was moved under it, from where it now is', async () => {
    const config = loadConfig({ DATA_DIR: dir, JWT_SECRET: SECRET });
    const store = new SqliteEventStore(join(dir, 'events.sqlite'), systemClock, {
      writerThread: true,
    });
    const lines: string[] = [];
    const running = await startSubscriptionsThread(config, {
      appends: store.connectAppends(),
      log: (line) => lines.push(line),
      statusEveryMs: 10,
    });
    const catalog = () => running.status().find((s) => s.name === 'stream-catalog')!;
    const readModels = new Database(join(dir, 'read-models.sqlite'));
    try {
      const first = await store.append('probe-1', [{ type: 'Probed', data: {} }], {
        expectedVersion: 'no_stream',
      });
      await waitFor(() => catalog().checkpoint === first.lastPosition, { what: 'the first probe' });
      // As a rebuild beside it would: the runner's next batch loses the compare-and-set.
      readModels.pragma('busy_timeout = 5000');
      readModels
        .prepare(`UPDATE projection_checkpoints SET position = '0' WHERE name = 'stream-catalog'`)
        .run();
      const second = await store.append('probe-2', [{ type: 'Probed', data: {} }], {
        expectedVersion: 'no_stream',
      });
      await waitFor(() => catalog().failures === 1, { what: 'the runner to lose its checkpoint' });
      await waitFor(() => catalog().live && catalog().checkpoint === second.lastPosition, {
        what: 'the runner to start again and catch up',
      });
      expect(catalog()).toMatchObject({
        state: 'running',
        error: null,
        failures: 1,
        lastError: expect.stringContaining('another runner'),
      });
      expect(lines).toContainEqual(
        expect.stringMatching(
          /^stream-catalog: stopped \(.*another runner.*\); starting it again in \d+ ms$/,
        ),
      );
      expect(lines).toContain('stream-catalog: started again from position 0');
      expect(running.status().filter((s) => s.state !== 'running')).toEqual([]);
    } finally {
      readModels.close();
      await running.stop();
      await store.close();
    }
    await expect(running.done).resolves.toBeUndefined();
  });

  it('refuses to start with the reason when its stores cannot open', async () => {
    const notADirectory = join(dir, 'file');
    writeFileSync(notADirectory, '');
    const config = loadConfig({ DATA_DIR: notADirectory, JWT_SECRET: SECRET });
    await expect(
      startSubscriptionsThread(config, { appends: null, log: () => undefined }),
    ).rejects.toThrow(/subscriptions thread could not start: .+/);
  });
});
