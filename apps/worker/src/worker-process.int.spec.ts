import { complaint } from '@heard/cases/testing';
import { loadConfig } from '@heard/config';
import { EventStore, handleCommand, systemClock } from '@heard/event-store';
import { waitFor } from '@heard/event-store/testing';
import { feedbackDecider, feedbackStreamId } from '@heard/feedback';
import { readModelEntities, StreamCatalogEntry } from '@heard/projections';
import { createEventStore, createReadModelDataSource } from '@heard/runtime';
import { projections } from '@heard/subscriptions';
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';

jest.setTimeout(90_000);

const repoRoot = resolve(__dirname, '../../..');
const base = process.env.TEST_DATABASE_URL ?? 'postgres://unset';

async function admin(sql: string): Promise<void> {
  const client = new Client({ connectionString: base });
  await client.connect();
  await client.query(sql);
  await client.end();
}

describe('the worker process (scale-out, PostgreSQL)', () => {
  const name = `heard_worker_${Date.now()}_${process.pid}`;
  const url = new URL(base);
  url.pathname = `/${name}`;
  const env = {
    EVENT_STORE: 'postgres',
    DATABASE_URL: url.toString(),
    JWT_SECRET: 'w'.repeat(32),
    HEARD_MASTER_KEY: Buffer.alloc(32, 1).toString('base64'),
  };
  const config = loadConfig(env);
  let store: EventStore;
  let readModels: DataSource;

  beforeAll(async () => {
    await admin(`CREATE DATABASE ${name}`);
    store = await createEventStore(config, systemClock);
  });

  afterAll(async () => {
    await store?.close();
    if (readModels?.isInitialized) await readModels.destroy();
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });

  const receive = (feedbackId: string, text: string) =>
    handleCommand(
      store,
      feedbackStreamId(feedbackId),
      feedbackDecider,
      complaint(feedbackId, {
        customer: { id: `C-${feedbackId}`, consent: true },
        personal: { text },
      }),
    );

  it('stays up while a projection fails on a NUL, goes on with the rest, and stops on SIGTERM', async () => {
    const child = spawn(
      process.execPath,
      ['-r', '@swc-node/register', join(repoRoot, 'apps/worker/src/main.ts')],
      { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    const exited = new Promise<number | null>((done) => child.on('close', (code) => done(code)));
    try {
      // Matched on the words alone, whichever way the worker formats its log lines.
      await waitFor(() => output.includes('projection(s) over the postgres event store'), {
        what: 'the worker to start',
        timeoutMs: 60_000,
      });
      await receive('nul-1', 'the till ate my card\u0000');
      await waitFor(
        () => /customer-feedback: .* failed \(attempt 3\), retry in \d+ ms/.test(output),
        {
          what: 'customer-feedback to fail and retry with backoff',
        },
      );

      await receive('later-1', 'no one at the service desk');
      readModels = await createReadModelDataSource(config, readModelEntities(projections));
      await waitFor(
        async () =>
          (await readModels
            .getRepository(StreamCatalogEntry)
            .findOneBy({ streamId: 'case-later-1' })) !== null,
        { what: 'the later complaint to open its case and be projected' },
      );
      expect(child.exitCode).toBeNull();
      expect(output).not.toMatch(/case-opener: .* failed|stream-catalog: .* failed/);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(output).toContain('SIGTERM: stopping');
    expect(output.trim().split('\n').at(-1)).toMatch(/\bstopped\b/);
  });
});
