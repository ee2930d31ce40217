import { dirname, join } from 'node:path';

/** Where a worker thread's entry file is, and the node options it starts with. */
export interface ThreadEntry {
  readonly file: string;
  readonly execArgv: string[];
}

/**
 * Built, the entry `<name>.js` is JavaScript beside the caller; from source (tests, benches), it is
 * `<name>.ts`, loaded through swc. The thread keeps the process's node options (--cpu-prof,
 * --inspect) either way. `from` is the caller's `__filename`.
 */
export function threadEntry(from: string, name: string): ThreadEntry {
  const compiled = from.endsWith('.js');
  return {
    file: join(dirname(from), `${name}.${compiled ? 'js' : 'ts'}`),
    execArgv: compiled ? process.execArgv : [...process.execArgv, '-r', '@swc-node/register'],
  };
}
