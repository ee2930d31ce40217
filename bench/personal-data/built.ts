/**
 * The in-process parts of bench:personal-data run the build, as `npm run projections:rebuild` and
 * `npm start` do. From source, each worker thread loads swc before its first line: the opener
 * thread of a rebuild came up after half a second instead of 70 ms, and the reading thread opened
 * the batches of that half second itself.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

const DIST = resolve(__dirname, '../../dist/libs');
const load = createRequire(__filename);

function built<T>(lib: string): T {
  const file = resolve(DIST, lib, 'index.js');
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first`);
  return load(file) as T;
}

export const config = built<typeof import('@heard/config')>('config/src');
export const eventStore = built<typeof import('@heard/event-store')>('event-store/src');
export const feedback = built<typeof import('@heard/feedback')>('feedback/src');
export const feedbackReadModels = built<typeof import('@heard/feedback/read-models')>(
  'feedback/src/read-models',
);
export const loop = built<typeof import('@heard/loop')>('loop/src');
export const projections = built<typeof import('@heard/projections')>('projections/src');
export const runtime = built<typeof import('@heard/runtime')>('runtime/src');
