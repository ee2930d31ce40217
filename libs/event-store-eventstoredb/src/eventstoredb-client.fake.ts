import { randomUUID } from 'node:crypto';
import {
  BACKWARDS,
  END,
  MaxAppendSizeExceededError,
  START,
  StreamNotFoundError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import type {
  AllStreamResolvedEvent,
  AppendExpectedRevision,
  AppendResult,
  EventData,
  JSONType,
  MetadataType,
  Position,
  ReadAllOptions,
  ReadStreamOptions,
  ResolvedEvent,
} from '@eventstore/db-client';
import { EventStoreDbClient } from './eventstoredb-client';

interface Stored {
  readonly streamId: string;
  readonly id: string;
  readonly revision: bigint;
  readonly type: string;
  readonly data: JSONType;
  readonly metadata: MetadataType | undefined;
  readonly position: Position;
}

const roundTrip = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/**
 * A stand-in for the server in unit tests, following its documented behaviour as this adapter
 * relies on it: revisions from 0, sparse $all positions with system events in between, inclusive
 * reads from a position, StreamNotFoundError on reading a missing stream, deduplication of a
 * re-sent batch by ids alone (data ignored) within one stream, never across streams.
 * It proves the adapter's own logic only; the real server is tested by the int spec.
 */
export class FakeEventStoreDbClient implements EventStoreDbClient {
  readonly log: Stored[] = [];
  private readonly streams = new Map<string, Stored[]>();
  private position = 0n;
  /** Bytes of data and metadata one append may carry, like --max-append-size. */
  maxAppendSize = 1024 * 1024;
  appends = 0;

  async appendToStream(
    streamName: string,
    events: EventData[],
    { expectedRevision }: { expectedRevision: AppendExpectedRevision },
  ): Promise<AppendResult> {
    this.appends++;
    const size = events.reduce((n, e) => n + JSON.stringify([e.data, e.metadata]).length, 0);
    if (size > this.maxAppendSize) throw MaxAppendSizeExceededError.fromMaxAppendSize(size);
    const stream = this.streams.get(streamName) ?? [];
    const current = stream.length === 0 ? 'no_stream' : BigInt(stream.length - 1);
    const first = stream.findIndex((e) => e.id === events[0].id);
    if (first >= 0 && events.every((e, i) => stream[first + i]?.id === e.id)) {
      const last = stream[first + events.length - 1];
      return { success: true, nextExpectedRevision: last.revision, position: last.position };
    }
    const matches =
      expectedRevision === 'any' ||
      (expectedRevision === 'no_stream' && current === 'no_stream') ||
      (expectedRevision === 'stream_exists' && current !== 'no_stream') ||
      expectedRevision === current;
    if (!matches) {
      throw new WrongExpectedVersionError(undefined, {
        streamName,
        expected: expectedRevision,
        current,
      });
    }
    let last: Stored | undefined;
    for (const e of events) {
      last = this.store(streamName, e.id, e.type, e.data as JSONType, e.metadata);
      // Projections write links into system streams after user events.
      this.store(`$ce-${streamName.split('-')[0]}`, randomUUID(), '$>', `${last.revision}`);
    }
    return { success: true, nextExpectedRevision: last!.revision, position: last!.position };
  }

  /** Writes an event as another writer would, without checks: system events, foreign events. */
  store(
    streamId: string,
    id: string,
    type: string,
    data: JSONType,
    metadata?: MetadataType,
  ): Stored {
    // Positions are byte offsets in the log: sparse and growing with the record's size.
    this.position += 100n + BigInt(JSON.stringify(data).length);
    const stream = this.streams.get(streamId) ?? [];
    const stored: Stored = {
      streamId,
      id,
      revision: BigInt(stream.length),
      type,
      data: roundTrip(data),
      metadata: metadata === undefined ? undefined : roundTrip(metadata),
      position: { commit: this.position, prepare: this.position },
    };
    stream.push(stored);
    this.streams.set(streamId, stream);
    this.log.push(stored);
    return stored;
  }

  async *readStream(streamName: string, options: ReadStreamOptions): AsyncIterable<ResolvedEvent> {
    const stream = this.streams.get(streamName);
    if (!stream) throw new StreamNotFoundError(undefined, streamName);
    const max = Number(options.maxCount ?? Number.MAX_SAFE_INTEGER);
    const from = options.fromRevision ?? (options.direction === BACKWARDS ? END : START);
    const page =
      options.direction === BACKWARDS
        ? stream
            .slice(0, from === END ? stream.length : from === START ? 1 : Number(from) + 1)
            .reverse()
        : stream.slice(from === START ? 0 : from === END ? stream.length : Number(from));
    for (const e of page.slice(0, max)) yield { event: this.recorded(e) };
  }

  async *readAll(options: ReadAllOptions): AsyncIterable<AllStreamResolvedEvent> {
    const from = options.fromPosition ?? START;
    const max = Number(options.maxCount ?? Number.MAX_SAFE_INTEGER);
    const page = this.log.filter(
      (e) => from === START || (from !== END && e.position.commit >= from.commit),
    );
    for (const e of page.slice(0, max)) yield { event: this.recorded(e) };
  }

  async dispose(): Promise<void> {}

  private recorded(e: Stored) {
    return {
      streamId: e.streamId,
      id: e.id,
      isJson: true as const,
      revision: e.revision,
      type: e.type,
      created: new Date('2030-01-01T00:00:00.000Z'),
      data: e.data,
      metadata: e.metadata,
      position: e.position,
    };
  }
}
