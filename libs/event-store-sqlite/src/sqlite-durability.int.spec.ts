import { waitFor } from '@heard/event-store/testing';
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { SqliteEventStore } from './sqlite-event-store';
import { Ack, parseAck } from './testing/append-until-killed';

const repoRoot = resolve(__dirname, '../../..');
const script = join(__dirname, 'testing/append-until-killed.ts');

describe('SQLite event store durability', () => {
  const dir = mkdtempSync(join(tmpdir(), 'heard-sqlite-durability-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps every acknowledged append when the writing process is killed with SIGKILL', async () => {
    const file = join(dir, 'events.sqlite');
    const child = spawn(process.execPath, ['-r', '@swc-node/register', script, file, '16'], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acks: Ack[] = [];
    let pending = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      const lines = (pending + chunk).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const ack = parseAck(line);
        if (ack) acks.push(ack);
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const exited = new Promise<NodeJS.Signals | null>((done) =>
      child.on('close', (_code, signal) => done(signal)),
    );

    await waitFor(() => acks.length >= 3000 || child.exitCode !== null, {
      timeoutMs: 60_000,
      what: '3000 acknowledged appends from the child',
    });
    expect(stderr).toBe('');
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');

    const db = new Database(file);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
    const store = new SqliteEventStore(file);
    try {
      const newest = new Map<string, Ack>();
      for (const ack of acks) newest.set(ack.streamId, ack);
      expect(newest.size).toBe(16);
      for (const ack of acks) {
        const [event] = await store.readStream(ack.streamId, {
          fromVersion: ack.version,
          limit: 1,
        });
        expect(event).toMatchObject({ streamVersion: ack.version, globalPosition: ack.position });
      }
      for (const ack of newest.values()) {
        const stream = await store.readStream(ack.streamId);
        expect(stream.map((e) => e.streamVersion)).toEqual(stream.map((_e, i) => i + 1));
      }
    } finally {
      await store.close();
    }
  }, 90_000);
});
