import { spawn } from 'node:child_process';
import { join } from 'node:path';

export interface LintProblem {
  readonly severity: 'error' | 'warn';
  readonly ruleId: string;
  readonly message: string;
  readonly pointer: string;
}

/** Redocly's recommended rules over a document, in a child process (the linter is an ES module). */
export function lintOpenApi(document: string): Promise<LintProblem[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(__dirname, 'redocly-lint.mjs')], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve(JSON.parse(out) as LintProblem[])
        : reject(new Error(`the linter exited with ${code}: ${err}`)),
    );
    child.stdin.end(document);
  });
}
