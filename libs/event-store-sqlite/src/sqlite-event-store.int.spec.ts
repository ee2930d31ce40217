import { eventStoreConformance } from '@heard/event-store/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from './sqlite-event-store';

const dir = mkdtempSync(join(tmpdir(), 'heard-sqlite-conformance-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

eventStoreConformance({
  name: 'SQLite',
  create: async (clock) => new SqliteEventStore(join(dir, 'events.sqlite'), clock),
});
