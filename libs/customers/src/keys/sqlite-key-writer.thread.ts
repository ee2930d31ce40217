/**
 * Inserts new data keys into the keys file from a thread of its own: each commit waits for its
 * fsync (synchronous FULL), and that wait must never hold up the event loop that serves requests.
 */
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { openKeysFile } from './sqlite-keys-file';
import { FromKeyWriter, ToKeyWriter } from './sqlite-key-writer.messages';

if (parentPort === null) throw new Error('sqlite-key-writer.thread runs only as a worker thread');
const port = parentPort;
const db: Database.Database = openKeysFile((workerData as { file: string }).file);
const insert = db.prepare(
  'INSERT INTO data_keys (key_id, owner, wrapped, master_key_id) VALUES (?, ?, ?, ?) ON CONFLICT (owner) DO NOTHING',
);
const insertAll = db.transaction((rows: ToKeyWriter & { kind: 'insert' }) => {
  for (const row of rows.rows)
    insert.run(row.keyId, row.owner, Buffer.from(row.wrapped), row.masterKeyId);
});

port.on('message', (message: ToKeyWriter) => {
  if (message.kind === 'close') {
    db.close();
    port.close();
    return;
  }
  let reply: FromKeyWriter;
  try {
    insertAll.immediate(message);
    reply = { id: message.id, error: null };
  } catch (error) {
    reply = { id: message.id, error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});
