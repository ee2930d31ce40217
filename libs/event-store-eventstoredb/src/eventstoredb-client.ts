import type {
  AllStreamResolvedEvent,
  AppendExpectedRevision,
  AppendResult,
  EventData,
  ReadAllOptions,
  ReadStreamOptions,
  ResolvedEvent,
} from '@eventstore/db-client';

/**
 * The part of EventStoreDBClient the adapter uses. Narrow so that unit tests can hand in a fake;
 * the real client satisfies it as it is.
 */
export interface EventStoreDbClient {
  appendToStream(
    streamName: string,
    events: EventData[],
    options: { expectedRevision: AppendExpectedRevision },
  ): Promise<AppendResult>;
  readStream(streamName: string, options: ReadStreamOptions): AsyncIterable<ResolvedEvent>;
  readAll(options: ReadAllOptions): AsyncIterable<AllStreamResolvedEvent>;
  dispose(): Promise<void>;
}
