import { ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';

const repoRoot = resolve(__dirname, '../../../..');

export interface SpawnedScript {
  readonly child: ChildProcess;
  /** How it ended: a code, or the signal that killed it. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Everything it wrote so far, stdout and stderr together. */
  readonly output: () => string;
}

/** Runs a TypeScript script in a process of its own, as the kill tests need: SIGKILL reaches it alone. */
export function spawnTsScript(script: string, args: readonly string[]): SpawnedScript {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', script, ...args], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.on('close', (code, signal) => done({ code, signal })),
  );
  return { child, exited, output: () => output };
}
