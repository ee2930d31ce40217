import { ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';

export interface RunningServer {
  readonly url: string;
  /** What the server wrote to stdout so far (its log lines), when started with `stdout: 'count'`. */
  stdout(): { bytes: number; lines: number };
  stop(): Promise<void>;
}

export interface ServerOptions {
  /**
   * `ignore`: stdout to /dev/null. `count`: through a pipe the bench reads and drops, as a log
   * shipper would, so that writing the lines costs what it costs in production.
   */
  readonly stdout?: 'ignore' | 'count';
}

/** The built API in its own process, so the load generator does not share its event loop. */
export async function startServer(
  env: Record<string, string>,
  port: number,
  options: ServerOptions = {},
): Promise<RunningServer> {
  const url = `http://127.0.0.1:${port}`;
  // A server left over from an interrupted run would answer for the new one, which cannot bind.
  const taken = await fetch(`${url}/health`).then(
    () => true,
    () => false,
  );
  if (taken) throw new Error(`port ${port} is taken already: stop what listens there first`);
  const child: ChildProcess = spawn(process.execPath, [resolve('dist/apps/api/src/main.js')], {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', options.stdout === 'count' ? 'pipe' : 'ignore', 'pipe'],
  });
  const written = { bytes: 0, lines: 0 };
  child.stdout?.on('data', (chunk: Buffer) => {
    written.bytes += chunk.length;
    for (const byte of chunk) if (byte === 10) written.lines++;
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}: ${stderr}`);
    const ok = await fetch(`${url}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`server did not answer /health in 30 s: ${stderr}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    stdout: () => ({ ...written }),
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** The worker beside the API, as in scale-out: projections and reactors on their own core. */
export function startWorker(env: Record<string, string>): { stop(): Promise<void> } {
  const child = spawn(process.execPath, [resolve('dist/apps/worker/src/main.js')], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return {
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
