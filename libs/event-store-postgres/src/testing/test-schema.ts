import { randomBytes } from 'node:crypto';

/** A schema per test file, so files running at the same time on one database never meet. */
export const testSchemaName = (label: string): string =>
  `heard_es_${label}_${randomBytes(4).toString('hex')}`;
