import {
  AppendOptions,
  AppendResult,
  AppendSignal,
  BatchedCalls,
  readsWholeStream,
  sharedPages,
  BatchHandler,
  Clock,
  ConcurrencyError,
  EventStore,
  NewEvent,
  pollingSubscription,
  prepareAppend,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeToAllOptions,
  SubscribeToStreamOptions,
  Subscription,
  systemClock,
} from '@heard/event-store';
import { Pool } from 'pg';
import { callAppendFunction } from './append-call';
import { AppendListener } from './append-listener';
import { GroupCommit, GroupCommitStats } from './group-commit';
import { postgresGroupWriter } from './group-writer';
import { LogPage, readLogPage } from './global-horizon';
import { logPollSource } from './log-poll-source';
import { DEFAULT_GROUP_COMMIT, PostgresEventStoreOptions } from './postgres-event-store.options';
import { migrate } from './postgres-schema';
import { Queryable } from './queryable';
import { readAllOwnWrites } from './read-all';
import { notifyChannel } from './schema-name';
import { CheckedAppend, resolveStoredRetries } from './stored-retries';
import { readStreamEvents, readWholeStreams } from './stream-read';

const DEFAULT_BATCH_SIZE = 500;

/** The event store over PostgreSQL: one schema, group-committed appends, a gap-free global log. */
export class PostgresEventStore implements EventStore {
  private readonly signal = new AppendSignal();
  private readonly groups: GroupCommit<CheckedAppend>;
  private readonly listener: AppendListener;
  private readonly subscriptions = new Set<Subscription>();
  private readonly clock: Clock;
  private readonly settings: {
    readonly pollIntervalMs: number;
    readonly heldBackPollMs: number;
    readonly readAllWaitMs: number;
  };
  private closed = false;
  /** Whether the latest shared page read saw committed rows held back behind an open transaction. */
  private heldBackSeen = false;
  /**
   * Subscriptions of this process read each page of the log once between them (every projection
   * and reactor reads the same pages near the head). A page below the horizon is final.
   */
  private readonly sharedEvents = sharedPages(async (after, limit) => {
    const page = await readLogPage(this.pool, this.schema, after, limit);
    this.heldBackSeen = page.heldBack !== null;
    return page.events;
  });
  private readonly sharedLogPage = async (after: bigint, limit: number): Promise<LogPage> => {
    const events = await this.sharedEvents(after, limit);
    // Only "held back or not" is read from a page by the poll source; the horizon is not.
    return { events, horizon: 0n, heldBack: this.heldBackSeen ? 0n : null };
  };

  /**
   * Whole-stream reads made at the same time go out as one query: a reactor that works many
   * events side by side reads one stream per event, and would otherwise pay a round trip each.
   */
  private readonly wholeStreams = new BatchedCalls((ids: readonly string[]) =>
    readWholeStreams(this.pool, this.schema, ids),
  );

  private constructor(
    private readonly pool: Pool,
    private readonly ownsPool: boolean,
    private readonly options: PostgresEventStoreOptions,
  ) {
    const { schema } = options;
    this.clock = options.clock ?? systemClock;
    this.settings = {
      pollIntervalMs: options.pollIntervalMs ?? 250,
      heldBackPollMs: options.heldBackPollMs ?? 20,
      readAllWaitMs: options.readAllWaitMs ?? 5000,
    };
    this.groups = new GroupCommit(
      postgresGroupWriter(pool, schema, () => this.signal.notify()),
      { ...DEFAULT_GROUP_COMMIT, ...options.groupCommit },
      options.onGroupCommit,
    );
    this.listener = new AppendListener(pool.options, notifyChannel(schema), this.signal);
  }

  /** Creates the schema when missing and returns a store over it. */
  static async open(options: PostgresEventStoreOptions): Promise<PostgresEventStore> {
    if (!options.pool && !options.connectionString) {
      throw new Error('PostgresEventStore needs a pool or a connection string');
    }
    const pool =
      options.pool ??
      new Pool({ connectionString: options.connectionString, max: options.poolSize ?? 10 });
    // An idle client that drops is removed by the pool; without a listener it would crash us.
    if (!options.pool) pool.on('error', () => undefined);
    try {
      await migrate(pool, options.schema);
    } catch (error) {
      if (!options.pool) await pool.end();
      throw error;
    }
    return new PostgresEventStore(pool, !options.pool, options);
  }

  get schema(): string {
    return this.options.schema;
  }

  /** Group-commit counters: groups written (one transaction each), and their appends and events. */
  stats(): GroupCommitStats {
    return this.groups.stats();
  }

  async append(
    streamId: string,
    events: readonly NewEvent[],
    options: AppendOptions,
  ): Promise<AppendResult> {
    const append = this.prepare(streamId, events, options);
    if (this.closed) throw new Error('event store is closed');
    return this.groups.submit(append);
  }

  /**
   * Appends inside a transaction the caller opened on `client`; the events become visible (and
   * subscribers are notified) when the caller commits. A refused expectation throws
   * ConcurrencyError and leaves the transaction usable. When the stream was written by a
   * transaction younger than this one, the events could not keep the stream's order in the log:
   * that is a ConcurrencyError too, to be retried in a new transaction. If another writer
   * commits the same event ids meanwhile, PostgreSQL aborts the transaction (unique violation);
   * a retry in a new one is answered from the stored events like any re-append.
   */
  async appendInTransaction(
    client: Queryable,
    streamId: string,
    events: readonly NewEvent[],
    options: AppendOptions,
  ): Promise<AppendResult> {
    const append = this.prepare(streamId, events, options);
    if (append.checkIds) {
      const [retried] = await resolveStoredRetries(client, this.schema, [append]);
      if (retried instanceof Error) throw retried;
      if (retried) return retried;
    }
    const [status] = await callAppendFunction(client, this.schema, [append]);
    if (status.kind === 'written') return status.result;
    throw new ConcurrencyError(streamId, options.expectedVersion, status.actual);
  }

  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    if (readsWholeStream(options)) return this.wholeStreams.call(streamId);
    return readStreamEvents(this.pool, this.schema, streamId, options);
  }

  /** Below the horizon (global-horizon.ts), waiting briefly for the caller's own writes. */
  readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    return readAllOwnWrites(this.pool, this.schema, options.after ?? 0n, options.limit ?? 1000, {
      waitMs: this.settings.readAllWaitMs,
      pollMs: this.settings.heldBackPollMs,
      signal: this.signal,
    });
  }

  subscribeToAll(options: SubscribeToAllOptions, handler: BatchHandler): Subscription {
    const source = logPollSource({
      db: this.pool,
      schema: this.schema,
      heldBackPollMs: this.settings.heldBackPollMs,
      wait: (signal, pollMs) => this.waitForAppends(signal, pollMs),
      onLogPageRead: this.options.onLogPageRead,
      readPage: this.sharedLogPage,
    });
    return this.track(
      pollingSubscription(source, options.after, options.batchSize ?? DEFAULT_BATCH_SIZE, handler),
    );
  }

  subscribeToStream(
    streamId: string,
    options: SubscribeToStreamOptions,
    handler: BatchHandler,
  ): Subscription {
    return this.track(
      pollingSubscription(
        {
          read: (after, limit) =>
            this.readStream(streamId, { fromVersion: Number(after) + 1, limit }),
          waitForMore: (signal) => this.waitForAppends(signal, null),
          positionOf: (e) => BigInt(e.streamVersion),
        },
        BigInt(options.afterVersion),
        options.batchSize ?? DEFAULT_BATCH_SIZE,
        handler,
      ),
    );
  }

  /** Waits for queued appends, stops subscriptions, and ends the pool if the store made it. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.groups.whenIdle();
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    await this.listener.close();
    if (this.ownsPool) await this.pool.end();
  }

  private prepare(
    streamId: string,
    events: readonly NewEvent[],
    options: AppendOptions,
  ): CheckedAppend {
    const prepared = prepareAppend(streamId, events, options.expectedVersion, this.clock);
    return {
      streamId,
      expectedVersion: options.expectedVersion,
      // PostgreSQL prints uuids in lower case; stored and given ids must compare equal.
      events: prepared.map((e) => ({ ...e, eventId: e.eventId.toLowerCase() })),
      checkIds: events.some((e) => e.eventId !== undefined),
    };
  }

  private waitForAppends(signal: AbortSignal, pollMs: number | null): Promise<void> {
    this.listener.ensure();
    return this.signal.wait(pollMs ?? this.settings.pollIntervalMs, signal);
  }

  private track(subscription: Subscription): Subscription {
    this.subscriptions.add(subscription);
    const forget = () => this.subscriptions.delete(subscription);
    subscription.done.then(forget, forget);
    return subscription;
  }
}
