import { HeardConfig } from '@heard/config';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Files of the embedded default, all under DATA_DIR. */
export const EVENTS_FILE = 'events.sqlite';
export const READ_MODELS_FILE = 'read-models.sqlite';
/** Data keys, beside the events: erasing a customer deletes theirs. */
export const KEYS_FILE = 'keys.sqlite';

/** The absolute path of a file in DATA_DIR, creating the directory when it is missing. */
export function dataFile(config: Pick<HeardConfig, 'dataDir'>, name: string): string {
  const dir = resolve(config.dataDir);
  mkdirSync(dir, { recursive: true });
  return join(dir, name);
}
