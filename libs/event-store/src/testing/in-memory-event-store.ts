import { AppendSignal } from '../append-signal';
import { Clock, systemClock } from '../clock';
import { ConcurrencyError } from '../errors';
import {
  AppendOptions,
  AppendResult,
  BatchHandler,
  EventStore,
  ReadAllOptions,
  ReadStreamOptions,
  SubscribeToAllOptions,
  SubscribeToStreamOptions,
  Subscription,
} from '../event-store.port';
import { ActualVersion, matchesExpectation } from '../expected-version';
import { resolveRetry } from '../idempotent-retry';
import { pollingSubscription } from '../polling-subscription';
import { prepareAppend } from '../prepare-append';
import { NewEvent, RecordedEvent } from '../recorded-event';

/** Reference adapter for unit tests of pure logic; it keeps nothing across restarts. */
export class InMemoryEventStore implements EventStore {
  private readonly log: RecordedEvent[] = [];
  private readonly streams = new Map<string, RecordedEvent[]>();
  private readonly byId = new Map<string, RecordedEvent>();
  private readonly signal = new AppendSignal();

  constructor(private readonly clock: Clock = systemClock) {}

  async append(
    streamId: string,
    events: readonly NewEvent[],
    options: AppendOptions,
  ): Promise<AppendResult> {
    const prepared = prepareAppend(streamId, events, options.expectedVersion, this.clock);
    const stored = prepared.flatMap((e) => this.byId.get(e.eventId) ?? []);
    const retried = resolveRetry(streamId, prepared, stored);
    if (retried) return retried;
    const stream = this.streams.get(streamId) ?? [];
    const actual: ActualVersion = stream.length === 0 ? 'no_stream' : stream.length;
    if (!matchesExpectation(options.expectedVersion, actual)) {
      throw new ConcurrencyError(streamId, options.expectedVersion, actual);
    }
    for (const e of prepared) {
      const recorded: RecordedEvent = {
        eventId: e.eventId,
        type: e.type,
        schemaVersion: e.schemaVersion,
        data: JSON.parse(e.json),
        streamId,
        streamVersion: stream.length + 1,
        globalPosition: BigInt(this.log.length + 1),
        occurredAt: e.occurredAt,
        recordedAt: e.recordedAt,
        correlationId: e.correlationId,
        causationId: e.causationId,
        actor: e.actor,
      };
      stream.push(recorded);
      this.log.push(recorded);
      this.byId.set(recorded.eventId, recorded);
    }
    this.streams.set(streamId, stream);
    this.signal.notify();
    const last = stream[stream.length - 1];
    return { nextExpectedVersion: last.streamVersion, lastPosition: last.globalPosition };
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const stream = this.streams.get(streamId) ?? [];
    const limit = options.limit ?? Number.MAX_SAFE_INTEGER;
    if (options.direction === 'backwards') {
      const from = Math.max(0, options.fromVersion ?? stream.length);
      return stream.slice(0, from).reverse().slice(0, limit);
    }
    const from = Math.max(1, options.fromVersion ?? 1);
    return stream.slice(from - 1, from - 1 + limit);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const after = Number(options.after ?? 0n);
    return this.log.slice(after, after + (options.limit ?? 1000));
  }

  subscribeToAll(options: SubscribeToAllOptions, handler: BatchHandler): Subscription {
    return pollingSubscription(
      {
        read: (after, limit) => this.readAll({ after, limit }),
        waitForMore: (signal) => this.signal.wait(1000, signal),
        positionOf: (e) => e.globalPosition,
      },
      options.after,
      options.batchSize ?? 500,
      handler,
    );
  }

  subscribeToStream(
    streamId: string,
    options: SubscribeToStreamOptions,
    handler: BatchHandler,
  ): Subscription {
    return pollingSubscription(
      {
        read: (after, limit) =>
          this.readStream(streamId, { fromVersion: Number(after) + 1, limit }),
        waitForMore: (signal) => this.signal.wait(1000, signal),
        positionOf: (e) => BigInt(e.streamVersion),
      },
      BigInt(options.afterVersion),
      options.batchSize ?? 500,
      handler,
    );
  }

  async close(): Promise<void> {}
}
