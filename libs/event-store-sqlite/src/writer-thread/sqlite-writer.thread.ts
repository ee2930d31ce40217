/**
 * The SQLite writer thread: the one connection that writes the event file for every thread of
 * the process. Commits (and their fsync) block only this event loop, and appends from the API and
 * from the subscriptions thread share group commits instead of waiting on each other's locks.
 */
import { CommittedGroup } from '@heard/event-store';
import { MessagePort, parentPort, workerData } from 'node:worker_threads';
import { SqliteEventStore } from '../sqlite-event-store';
import { CallersClock, serveAppends } from './append-forwarding';
import { FromWriterThread, ToWriterThread, WriterThreadData } from './writer-thread-messages';

if (parentPort === null) throw new Error('sqlite-writer.thread runs only as a worker thread');
const parent: MessagePort = parentPort;
const { filename, busyTimeoutMs, maxGroupEvents, reportGroupCommits } =
  workerData as WriterThreadData;
const clock = new CallersClock();

// The groups of one turn of the event loop go to the parent as one message.
let committed: CommittedGroup[] = [];
const report = (group: CommittedGroup) => {
  if (committed.length === 0)
    setImmediate(() => {
      const message: FromWriterThread = { kind: 'committed', groups: committed };
      committed = [];
      parent.postMessage(message);
    });
  committed.push(group);
};
const store = new SqliteEventStore(filename, clock, {
  busyTimeoutMs,
  maxGroupEvents,
  onGroupCommit: reportGroupCommits ? report : undefined,
});

const clients: MessagePort[] = [];

parent.on('message', (message: ToWriterThread) => {
  if (message.kind === 'connect') {
    clients.push(message.port);
    serveAppends(store, message.port, clock);
    return;
  }
  // Open ports would keep the thread alive; closing them also fails what a client still awaits.
  void store.close().then(() => {
    for (const client of clients) client.close();
    parent.close();
  });
});
