import { ExpectedVersion } from './expected-version';
import { NewEvent, RecordedEvent } from './recorded-event';

export interface AppendOptions {
  readonly expectedVersion: ExpectedVersion;
}

export interface AppendResult {
  /** The stream's version after the append: the version of its last event. */
  readonly nextExpectedVersion: number;
  /** Global position of the batch's last event. */
  readonly lastPosition: bigint;
}

export interface ReadStreamOptions {
  readonly direction?: 'forwards' | 'backwards';
  /** Inclusive. Forwards defaults to 1, backwards to the last event. */
  readonly fromVersion?: number;
  readonly limit?: number;
}

/** The whole stream from its first event: the read adapters may answer many of at once. */
export function readsWholeStream(options: ReadStreamOptions = {}): boolean {
  return (
    options.direction !== 'backwards' &&
    (options.fromVersion ?? 1) <= 1 &&
    options.limit === undefined
  );
}

export interface ReadAllOptions {
  /** Exclusive: events strictly after this position. 0n (the default) reads from the start. */
  readonly after?: bigint;
  readonly limit?: number;
  /**
   * The caller will use this batch only after the one it is working on: a store that does work
   * on read (opening personal data) may do it in the background meanwhile.
   */
  readonly ahead?: boolean;
}

export type BatchHandler = (events: readonly RecordedEvent[]) => Promise<void>;

export interface SubscribeToAllOptions {
  /** Checkpoint: the position of the last event already handled; 0n from the start. */
  readonly after: bigint;
  readonly batchSize?: number;
}

export interface SubscribeToStreamOptions {
  /** The version of the last event already handled; 0 from the start. */
  readonly afterVersion: number;
  readonly batchSize?: number;
}

/**
 * A running subscription. The next batch is read only after the handler's promise settles
 * (back-pressure). A handler that throws stops the subscription and rejects `done`.
 */
export interface Subscription {
  /** Resolves when stopped; rejects with the handler's or the store's error. */
  readonly done: Promise<void>;
  /** The last position (or version, for a stream) whose batch the handler completed. */
  checkpoint(): bigint;
  /** True once caught up with the log and waiting for new events. */
  isLive(): boolean;
  stop(): Promise<void>;
}

/** The one event-store port: every adapter passes the shared conformance suite. */
export interface EventStore {
  append(
    streamId: string,
    events: readonly NewEvent[],
    options: AppendOptions,
  ): Promise<AppendResult>;
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  subscribeToAll(options: SubscribeToAllOptions, handler: BatchHandler): Subscription;
  subscribeToStream(
    streamId: string,
    options: SubscribeToStreamOptions,
    handler: BatchHandler,
  ): Subscription;
  close(): Promise<void>;
}
