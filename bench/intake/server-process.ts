import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Writable } from 'node:stream';

export interface RunningServer {
  readonly url: string;
  /** CPU seconds the server process used so far, all threads (Linux); null where unknown. */
  cpuSeconds(): number | null;
  /** With `stdout: 'count'`, resolves to what the server wrote to stdout in its life. */
  stop(): Promise<{ lines: number; bytes: number } | null>;
}

export interface ServerOptions {
  /**
   * `ignore`: stdout to /dev/null. `count`: through a pipe that `wc` reads on a core of its own,
   * as a log shipper would: writing the lines costs what it costs in production, and the busy
   * load generator is not the reader that holds the server back.
   */
  readonly stdout?: 'ignore' | 'count';
  /** The checkout whose build to run (its `dist/`); this one when absent. */
  readonly root?: string;
  /** Node's arguments instead of the build's main: a script from source, through swc. */
  readonly args?: readonly string[];
}

/** `wc -lc` reading what the server writes: its stdin goes to the server as stdout. */
function lineCounter(): { input: Writable; counts: Promise<{ lines: number; bytes: number }> } {
  const wc = spawn('wc', ['-lc'], { stdio: ['pipe', 'pipe', 'inherit'] });
  let out = '';
  wc.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const counts = new Promise<{ lines: number; bytes: number }>((resolve) =>
    wc.once('close', () => {
      const [lines, bytes] = out.trim().split(/\s+/).map(Number);
      resolve({ lines, bytes });
    }),
  );
  return { input: wc.stdin, counts };
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
  const counter = options.stdout === 'count' ? lineCounter() : null;
  const child: ChildProcess = spawn(
    process.execPath,
    options.args ?? [resolve(options.root ?? '.', 'dist/apps/api/src/main.js')],
    {
      env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
      stdio: ['ignore', counter?.input ?? 'ignore', 'pipe'],
    },
  );
  // The server holds the pipe now; wc sees its end when the server exits.
  counter?.input.destroy();
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
    cpuSeconds: () => processCpuSeconds(child.pid),
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      return counter ? counter.counts : null;
    },
  };
}

/** Linux counts a process's CPU in clock ticks of 1/100 s (CLK_TCK) in /proc/<pid>/stat. */
const CLOCK_TICKS_PER_SECOND = 100;

function processCpuSeconds(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which may hold spaces: utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return null;
  }
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
