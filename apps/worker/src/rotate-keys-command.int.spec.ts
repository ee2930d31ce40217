import { loadConfig } from '@heard/config';
import { systemClock } from '@heard/event-store';
import { createHeardEventStore } from '@heard/runtime';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { runRotateKeys } from './rotate-keys-command';

const OLD = Buffer.alloc(32, 11).toString('base64');
const NEW = Buffer.alloc(32, 12).toString('base64');
const base = process.env.TEST_DATABASE_URL ?? 'postgres://unset';

const received = (feedbackId: string) => ({
  type: 'FeedbackReceived',
  data: {
    feedbackId,
    customer: { id: 'C-1', consent: true },
    personal: { email: 'c1@example.com', text: 'rotate me' },
  },
});

async function admin(sql: string): Promise<void> {
  const client = new Client({ connectionString: base });
  await client.connect();
  await client.query(sql);
  await client.end();
}

type Prepared = { env: Record<string, string>; cleanup: () => Promise<void> };

const deployments: [string, () => Promise<Prepared>][] = [
  [
    'SQLite',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'heard-rotate-'));
      return { env: { DATA_DIR: dir }, cleanup: async () => rmSync(dir, { recursive: true }) };
    },
  ],
  [
    'PostgreSQL',
    async () => {
      const name = `heard_rotate_${process.pid}_${Date.now()}`;
      await admin(`CREATE DATABASE ${name}`);
      const url = new URL(base);
      url.pathname = `/${name}`;
      return {
        env: { EVENT_STORE: 'postgres', DATABASE_URL: url.toString(), JWT_SECRET: 'r'.repeat(32) },
        cleanup: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
      };
    },
  ],
];

// Each test starts a thread or a child process: seconds when the machine is busy, never 5.
jest.setTimeout(30_000);
describe.each(deployments)('npm run keys:rotate on %s', (_name, prepare) => {
  let env: Record<string, string>;
  let cleanup: () => Promise<void>;
  const lines: string[] = [];
  const run = (extra: Record<string, string>) =>
    runRotateKeys({
      env: { ...env, ...extra },
      out: (line) => lines.push(line),
      err: (line) => lines.push(line),
    });
  const open = (key: string) =>
    createHeardEventStore(loadConfig({ ...env, HEARD_MASTER_KEY: key }), systemClock);

  beforeAll(async () => {
    ({ env, cleanup } = await prepare());
  });
  afterAll(() => cleanup());

  it('re-wraps every data key: the new master key reads what the old one sealed, the old one is refused', async () => {
    const before = await open(OLD);
    await before.store.append('feedback-f-1', [received('f-1')], { expectedVersion: 'no_stream' });
    await before.store.close();

    expect(await run({ HEARD_MASTER_KEY: OLD, HEARD_NEW_MASTER_KEY: NEW })).toBe(0);
    expect(lines.join('\n')).toMatch(/re-wrapped 1 data key/);

    const after = await open(NEW);
    const [event] = await after.store.readStream('feedback-f-1');
    await after.store.close();
    expect(event.data).toMatchObject({ personal: { text: 'rotate me' } });
    await expect(open(OLD)).rejects.toThrow(/HEARD_MASTER_KEY/);

    lines.length = 0;
    expect(await run({ HEARD_MASTER_KEY: OLD, HEARD_NEW_MASTER_KEY: NEW })).toBe(0);
    expect(lines.join('\n')).toMatch(/re-wrapped 0 data key/);
  });

  it('answers 2 without HEARD_NEW_MASTER_KEY, or with a key that is not 32 bytes', async () => {
    lines.length = 0;
    expect(await run({ HEARD_MASTER_KEY: NEW })).toBe(2);
    expect(await run({ HEARD_MASTER_KEY: NEW, HEARD_NEW_MASTER_KEY: 'c2hvcnQ=' })).toBe(2);
    expect(lines.join('\n')).toMatch(/HEARD_NEW_MASTER_KEY/);
  });
});
