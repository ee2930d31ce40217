import { dirname, join } from 'node:path';

/** Where a worker thread's entry file is, and the node options it starts with. */
export interface ThreadEntry {
  readonly file: string;
  readonly execArgv: string[];
}

const TYPESCRIPT_LOADER = '@swc-node/register';

/**
 * The process's node options without the TypeScript loader: a script run through swc (a bench)
 * that calls into the build would otherwise have every thread load swc before its first line,
 * half a second that a thread of `npm start` does not spend.
 */
function withoutTypeScriptLoader(execArgv: readonly string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < execArgv.length; i++) {
    const option = execArgv[i];
    if ((option === '-r' || option === '--require') && execArgv[i + 1] === TYPESCRIPT_LOADER) {
      i++;
      continue;
    }
    if (option === `--require=${TYPESCRIPT_LOADER}`) continue;
    kept.push(option);
  }
  return kept;
}

/**
 * Built, the entry `<name>.js` is JavaScript beside the caller; from source (tests, benches), it is
 * `<name>.ts`, loaded through swc. The thread keeps the process's other node options (--cpu-prof,
 * --inspect) either way. `from` is the caller's `__filename`; `execArgv`, the process's options.
 */
export function threadEntry(
  from: string,
  name: string,
  execArgv: readonly string[] = process.execArgv,
): ThreadEntry {
  const compiled = from.endsWith('.js');
  return {
    file: join(dirname(from), `${name}.${compiled ? 'js' : 'ts'}`),
    execArgv: compiled
      ? withoutTypeScriptLoader(execArgv)
      : [...withoutTypeScriptLoader(execArgv), '-r', TYPESCRIPT_LOADER],
  };
}
