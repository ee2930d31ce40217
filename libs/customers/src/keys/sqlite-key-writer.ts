import { ThreadCalls } from '@heard/event-store';
import { DataKeyRow } from './data-key-table';
import { FromKeyWriter, ToKeyWriter } from './sqlite-key-writer.messages';

type Insert = Extract<ToKeyWriter, { kind: 'insert' }>;

/** The keys file's inserting connection, in a thread started on the first new key. */
export class SqliteKeyWriter {
  private readonly calls: ThreadCalls<Insert, FromKeyWriter>;

  constructor(file: string) {
    this.calls = new ThreadCalls({
      from: __filename,
      entry: 'sqlite-key-writer.thread',
      workerData: { file },
      stoppedMessage: 'the data key writer stopped',
    });
  }

  /** Resolves once the rows are committed; an owner that has a key already keeps it. */
  async insert(rows: readonly DataKeyRow[]): Promise<void> {
    const { error } = await this.calls.call((id) => ({
      kind: 'insert',
      id,
      // Each wrapped key copied to bytes of its own: a Buffer from the pool would clone its
      // whole 8 KiB slab to the thread, and did, for every new key.
      rows: rows.map((row) => ({ ...row, wrapped: new Uint8Array(row.wrapped) })),
    }));
    if (error !== null) throw new Error(`data keys were not stored: ${error}`);
  }

  async close(): Promise<void> {
    const closing: ToKeyWriter = { kind: 'close' };
    await this.calls.close(closing);
  }
}
