import { EventStoreDBClient } from '@eventstore/db-client';
import type { AppendResult as EsdbAppendResult } from '@eventstore/db-client';
import {
  AppendOptions,
  AppendResult,
  AppendSignal,
  BatchHandler,
  Clock,
  ConcurrencyError,
  EventStore,
  NewEvent,
  PreparedEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeToAllOptions,
  SubscribeToStreamOptions,
  Subscription,
  pollingSubscription,
  prepareAppend,
  resolveRetry,
  systemClock,
} from '@heard/event-store';
import { EventStoreDbClient } from './eventstoredb-client';
import { toEventData } from './eventstoredb-envelope';
import { translateAppendError } from './eventstoredb-errors';
import { toExpectedRevision, toVersion } from './eventstoredb-expected-revision';
import {
  actualVersionOf,
  findEventsById,
  readAllAfter,
  readStreamEvents,
} from './eventstoredb-reads';

export interface EventStoreDbEventStoreOptions {
  readonly clock?: Clock;
  /** How long an idle subscription waits before looking for events other processes appended. */
  readonly pollIntervalMs?: number;
}

/**
 * The event-store port over EventStoreDB (22.6 or later). Stream versions are revisions + 1, global
 * positions are $all commit positions, the envelope travels in the event metadata.
 *
 * Event ids: the server deduplicates by id only within one stream, and ignores the data when it
 * does, so this adapter looks the caller's ids up in the target stream itself. An id reused in
 * ANOTHER stream is not detected: the server has no index by event id, and finding one would
 * mean scanning $all on every append. Such an append is written, leaving two events with one id.
 */
export class EventStoreDbEventStore implements EventStore {
  private readonly clock: Clock;
  private readonly pollIntervalMs: number;
  private readonly signal = new AppendSignal();
  private readonly running = new Set<Subscription>();

  /** A store over its own client (`esdb://host:2113?tls=false`); close() disposes that client. */
  static connect(
    connectionString: string,
    options: EventStoreDbEventStoreOptions = {},
  ): EventStoreDbEventStore {
    return new EventStoreDbEventStore(
      EventStoreDBClient.connectionString(connectionString),
      options,
      true,
    );
  }

  constructor(
    private readonly client: EventStoreDbClient,
    options: EventStoreDbEventStoreOptions = {},
    /** True when close() should dispose the client. */
    private readonly ownsClient = false,
  ) {
    this.clock = options.clock ?? systemClock;
    this.pollIntervalMs = options.pollIntervalMs ?? 250;
  }

  async append(
    streamId: string,
    events: readonly NewEvent[],
    options: AppendOptions,
  ): Promise<AppendResult> {
    const expected = options.expectedVersion;
    // The server hands ids back in lower case; compare them that way.
    const batch = prepareAppend(streamId, events, expected, this.clock).map((e) => ({
      ...e,
      eventId: e.eventId.toLowerCase(),
    }));
    // Ids we generated are fresh UUIDs v7; only ids the caller chose can have been stored before.
    const chosen = new Set(batch.filter((_, i) => events[i].eventId != null).map((e) => e.eventId));
    if (chosen.size > 0) {
      const stored = await findEventsById(this.client, streamId, chosen);
      const retried = resolveRetry(streamId, batch, stored);
      if (retried) return retried;
    }
    const expectedRevision = toExpectedRevision(expected);
    if (expectedRevision === null) {
      throw new ConcurrencyError(streamId, expected, await actualVersionOf(this.client, streamId));
    }
    let written: EsdbAppendResult;
    try {
      written = await this.client.appendToStream(streamId, batch.map(toEventData), {
        expectedRevision,
      });
    } catch (error) {
      throw translateAppendError(error, streamId, expected);
    }
    this.signal.notify();
    return chosen.size > 0
      ? this.confirmById(streamId, batch)
      : this.confirmLast(streamId, batch, written.nextExpectedRevision);
  }

  /**
   * With ids the caller chose, the server's success may mean it kept an earlier write instead (a
   * retry racing its original, or the same id with other data): the stored events decide.
   */
  private async confirmById(streamId: string, batch: PreparedEvent[]): Promise<AppendResult> {
    const ids = new Set(batch.map((e) => e.eventId));
    const confirmed = resolveRetry(
      streamId,
      batch,
      await findEventsById(this.client, streamId, ids),
    );
    if (!confirmed) throw new Error(`EventStoreDB acknowledged events that ${streamId} lacks`);
    return confirmed;
  }

  /**
   * The reply's position is the write's, which the client does not promise to be the last event's
   * $all position; one read gives exactly the position readAll and subscriptions report.
   */
  private async confirmLast(
    streamId: string,
    batch: PreparedEvent[],
    revision: bigint,
  ): Promise<AppendResult> {
    const [last] = await readStreamEvents(this.client, streamId, {
      fromVersion: toVersion(revision),
      limit: 1,
    });
    if (last?.eventId !== batch[batch.length - 1].eventId) {
      throw new Error(`EventStoreDB acknowledged revision ${revision} of ${streamId} without it`);
    }
    return { nextExpectedVersion: last.streamVersion, lastPosition: last.globalPosition };
  }

  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return readStreamEvents(this.client, streamId, options);
  }

  readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    return readAllAfter(this.client, options.after ?? 0n, options.limit ?? 1000);
  }

  // Subscriptions poll, like every adapter's: the same batches, back-pressure and checkpoints.
  // Local appends wake them at once; other processes' appends are seen within pollIntervalMs.
  subscribeToAll(options: SubscribeToAllOptions, handler: BatchHandler): Subscription {
    return this.track(
      pollingSubscription(
        {
          read: (after, limit) => readAllAfter(this.client, after, limit),
          waitForMore: (signal) => this.signal.wait(this.pollIntervalMs, signal),
          positionOf: (e) => e.globalPosition,
        },
        options.after,
        options.batchSize ?? 500,
        handler,
      ),
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
            readStreamEvents(this.client, streamId, { fromVersion: Number(after) + 1, limit }),
          waitForMore: (signal) => this.signal.wait(this.pollIntervalMs, signal),
          positionOf: (e) => BigInt(e.streamVersion),
        },
        BigInt(options.afterVersion),
        options.batchSize ?? 500,
        handler,
      ),
    );
  }

  private track(subscription: Subscription): Subscription {
    this.running.add(subscription);
    subscription.done.finally(() => this.running.delete(subscription)).catch(() => undefined);
    return subscription;
  }

  /** Stops running subscriptions first, so none reads from a disposed client. */
  async close(): Promise<void> {
    await Promise.all([...this.running].map((s) => s.stop()));
    if (this.ownsClient) await this.client.dispose();
  }
}
