import {
  AppendGathering,
  AppendOptions,
  AppendResult,
  AppendSignal,
  sharedPages,
  BatchedCalls,
  readsWholeStream,
  BatchHandler,
  Clock,
  EventStore,
  GroupCommitObserver,
  NewEvent,
  pollingSubscription,
  PollSource,
  prepareAppend,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeToAllOptions,
  SubscribeToStreamOptions,
  Subscription,
  systemClock,
} from '@heard/event-store';
import Database from 'better-sqlite3';
import { resolve } from 'node:path';
import { BroadcastChannel, MessageChannel, MessagePort } from 'node:worker_threads';
import { AppendWriter, forwardAppends, serveAppends } from './writer-thread/append-forwarding';
import { SqliteWriterThread } from './writer-thread/sqlite-writer-thread';
import { GroupCommit } from './group-commit';
import { toRecordedEvent } from './sqlite-event-row';
import { PendingAppend, sqliteGroupWriter } from './sqlite-group-writer';
import { openEventDatabase } from './sqlite-schema';
import { EventStatements, prepareStatements } from './sqlite-statements';

export interface SqliteEventStoreOptions {
  /** How often subscriptions look for events appended by other processes sharing the file. */
  readonly pollIntervalMs?: number;
  /** Events one group commit may carry; a single larger append still goes through alone. */
  readonly maxGroupEvents?: number;
  /** How long a write waits while another process holds the file's write lock. */
  readonly busyTimeoutMs?: number;
  /**
   * Appends go to another store on the same file (in another thread: see forwardAppends) instead
   * of this connection; reads and subscriptions stay local.
   */
  readonly appendThrough?: AppendWriter;
  /**
   * Appends are written by a thread of their own, which other threads reach through
   * `connectAppends`: commits and their fsync then never block this event loop.
   */
  readonly writerThread?: boolean;
  /** Which appends cross to the writer thread as one message (default `task`). */
  readonly gatherAppends?: AppendGathering;
  /** Told of every group this store commits, or its writer thread does for the whole process. */
  readonly onGroupCommit?: GroupCommitObserver;
}

export interface SqliteEventStoreStats {
  /** Committed transactions: each one a group of appends. */
  readonly transactions: number;
  /** Appends those transactions carried, refused ones included. */
  readonly appends: number;
  readonly largestGroup: number;
  /** Time spent inside transactions, fsync included. */
  readonly writeMs: number;
}

/** SQLite has no limit clause for "all"; -1 means exactly that. */
const NO_LIMIT = -1;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The embedded default: one SQLite file (or ':memory:'), appends grouped into shared commits. */
export class SqliteEventStore implements EventStore {
  private readonly db: Database.Database;
  private readonly statements: EventStatements;
  private readonly commits: GroupCommit<PendingAppend, AppendResult>;
  private readonly signal = new AppendSignal();
  /** Subscriptions of this process read each page of the log once between them. */
  private readonly subscriptionPages = sharedPages((after, limit) =>
    this.readAll({ after, limit }),
  );
  /**
   * Whole-stream reads made at the same time (a reactor's partitions) share one read transaction:
   * one snapshot of the WAL for all of them instead of one each.
   */
  private readonly wholeStreams = new BatchedCalls(async (ids: readonly string[]) =>
    this.db.transaction(() =>
      ids.map((id) => this.statements.streamForwards.all(id, 1, NO_LIMIT).map(toRecordedEvent)),
    )(),
  );
  private readonly subscriptions = new Set<Subscription>();
  private readonly pollIntervalMs: number;
  private readonly appendThrough: AppendWriter | null;
  private readonly writer: SqliteWriterThread | null;
  /**
   * Stores on the same file in other threads of this process (the API and its subscriptions
   * thread) wake each other's subscriptions at once; other processes are found by polling.
   */
  private readonly appendsInProcess: BroadcastChannel | null;
  private closed = false;

  constructor(
    filename: string,
    private readonly clock: Clock = systemClock,
    options: SqliteEventStoreOptions = {},
  ) {
    this.pollIntervalMs = options.pollIntervalMs ?? 500;
    const busyTimeoutMs = options.busyTimeoutMs ?? 5000;
    this.db = openEventDatabase(filename, { busyTimeoutMs });
    // Started after the file exists with its schema, so the writer never races to create it.
    this.writer =
      options.writerThread && filename !== ':memory:'
        ? SqliteWriterThread.start({
            filename,
            busyTimeoutMs,
            maxGroupEvents: options.maxGroupEvents,
            onGroupCommit: options.onGroupCommit,
          })
        : null;
    this.appendThrough =
      options.appendThrough ??
      (this.writer ? forwardAppends(this.writer.connect(), options.gatherAppends) : null);
    this.statements = prepareStatements(this.db);
    this.appendsInProcess =
      filename === ':memory:' ? null : new BroadcastChannel(`heard-sqlite:${resolve(filename)}`);
    if (this.appendsInProcess) {
      this.appendsInProcess.onmessage = () => this.signal.notify();
      this.appendsInProcess.unref();
    }
    this.commits = new GroupCommit({
      write: sqliteGroupWriter(this.db, this.statements),
      committed: () => {
        this.signal.notify();
        this.appendsInProcess?.postMessage(null);
      },
      observe: options.onGroupCommit,
      weight: (append) => append.events.length,
      maxGroupWeight: options.maxGroupEvents ?? 50_000,
    });
  }

  async append(
    streamId: string,
    events: readonly NewEvent[],
    options: AppendOptions,
  ): Promise<AppendResult> {
    if (this.closed) throw new Error('the SQLite event store is closed');
    const expectedVersion = options.expectedVersion;
    if (this.appendThrough) {
      const result = await this.appendThrough(
        streamId,
        events,
        expectedVersion,
        this.clock.now(),
      ).catch((error: unknown) => {
        // What cannot cross the port (a function, a symbol) is refused here as the writing
        // store would refuse it: the checks throw the field and the rule.
        if ((error as { name?: unknown } | null)?.name === 'DataCloneError')
          prepareAppend(streamId, events, expectedVersion, this.clock);
        throw error;
      });
      this.signal.notify();
      return result;
    }
    const prepared = prepareAppend(streamId, events, expectedVersion, this.clock);
    const suppliedIds = events.flatMap((e) => (e.eventId === undefined ? [] : [e.eventId]));
    return this.commits.submit({ streamId, events: prepared, expectedVersion, suppliedIds });
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    if (readsWholeStream(options)) return this.wholeStreams.call(streamId);
    const limit = options.limit ?? NO_LIMIT;
    const rows =
      options.direction === 'backwards'
        ? this.statements.streamBackwards.all(
            streamId,
            options.fromVersion ?? Number.MAX_SAFE_INTEGER,
            limit,
          )
        : this.statements.streamForwards.all(streamId, options.fromVersion ?? 1, limit);
    return rows.map(toRecordedEvent);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const rows = this.statements.allAfter.all(options.after ?? 0n, options.limit ?? 1000);
    return rows.map(toRecordedEvent);
  }

  subscribeToAll(options: SubscribeToAllOptions, handler: BatchHandler): Subscription {
    return this.track(
      {
        read: this.subscriptionPages,
        waitForMore: (abort) => this.signal.wait(this.pollIntervalMs, abort),
        positionOf: (e) => e.globalPosition,
      },
      options.after,
      options.batchSize,
      handler,
    );
  }

  subscribeToStream(
    streamId: string,
    options: SubscribeToStreamOptions,
    handler: BatchHandler,
  ): Subscription {
    return this.track(
      {
        read: (after, limit) =>
          this.readStream(streamId, { fromVersion: Number(after) + 1, limit }),
        waitForMore: (abort) => this.signal.wait(this.pollIntervalMs, abort),
        positionOf: (e) => BigInt(e.streamVersion),
      },
      BigInt(options.afterVersion),
      options.batchSize,
      handler,
    );
  }

  /**
   * A port another thread can append through (forwardAppends) without a write connection of its
   * own: to the writer thread when there is one, else to this store.
   */
  connectAppends(): MessagePort {
    if (this.writer) return this.writer.connect();
    const { port1, port2 } = new MessageChannel();
    serveAppends(this, port1);
    port1.unref();
    return port2;
  }

  /** Group-commit counters, so tests and benchmarks can see how appends were batched. */
  stats(): SqliteEventStoreStats {
    const { groups, jobs, largestGroup, writeMs } = this.commits.stats();
    return { transactions: groups, appends: jobs, largestGroup, writeMs };
  }

  /** Writes what is queued, stops subscriptions, then closes the file. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.commits.flushAll();
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    this.appendsInProcess?.close();
    await this.writer?.close();
    this.db.close();
  }

  private track(
    source: PollSource,
    after: bigint,
    batchSize: number | undefined,
    handler: BatchHandler,
  ): Subscription {
    if (this.closed) throw new Error('the SQLite event store is closed');
    // better-sqlite3 reads synchronously: a catch-up whose handler never waits on I/O would run in
    // microtasks alone and starve timers, sockets and group commits until it went live.
    const yielding: PollSource = {
      ...source,
      read: async (from, limit) => {
        await nextTurn();
        return source.read(from, limit);
      },
    };
    const subscription = pollingSubscription(yielding, after, batchSize ?? 500, handler);
    this.subscriptions.add(subscription);
    void subscription.done.finally(() => this.subscriptions.delete(subscription)).catch(() => {});
    return subscription;
  }
}
