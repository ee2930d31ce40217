import { jsonEvent } from '@eventstore/db-client';
import type {
  EventData,
  JSONType,
  RecordedEvent as EsdbRecordedEvent,
} from '@eventstore/db-client';
import { PreparedEvent, RecordedEvent } from '@heard/event-store';
import { toVersion } from './eventstoredb-expected-revision';

/**
 * The envelope fields EventStoreDB has no place for, kept as the event's JSON metadata. The server's
 * own `created` is not our recordedAt: that comes from our Clock so that tests can move time.
 */
export type EnvelopeMetadata = {
  readonly schemaVersion: number;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly correlationId: string | null;
  readonly causationId: string | null;
  readonly actor: string | null;
  /** EventStoreDB's convention, read by its $by_correlation_id projection and its UI. */
  readonly $correlationId?: string;
  readonly $causationId?: string;
};

export function encodeEnvelope(event: PreparedEvent): EnvelopeMetadata {
  return {
    schemaVersion: event.schemaVersion,
    occurredAt: event.occurredAt.toISOString(),
    recordedAt: event.recordedAt.toISOString(),
    correlationId: event.correlationId,
    causationId: event.causationId,
    actor: event.actor,
    ...(event.correlationId !== null && { $correlationId: event.correlationId }),
    ...(event.causationId !== null && { $causationId: event.causationId }),
  };
}

export const toEventData = (event: PreparedEvent): EventData =>
  jsonEvent({
    id: event.eventId,
    type: event.type,
    // prepareAppend proved the data is plain JSON; the client serialises it with JSON.stringify.
    data: event.data as JSONType,
    metadata: encodeEnvelope(event),
  });

type DecodedEnvelope = Pick<
  RecordedEvent,
  'schemaVersion' | 'occurredAt' | 'recordedAt' | 'correlationId' | 'causationId' | 'actor'
>;

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

const date = (value: unknown, fallback: Date): Date => {
  const parsed = typeof value === 'string' ? new Date(value) : fallback;
  return Number.isNaN(parsed.getTime()) ? fallback : parsed;
};

/**
 * Reads the envelope back. Lenient on purpose: $all also carries events other writers stored with
 * other or no metadata, and a subscriber must not die on them; the server's `created` fills in.
 */
export function decodeEnvelope(metadata: unknown, created: Date): DecodedEnvelope {
  const m: Record<string, unknown> =
    typeof metadata === 'object' && metadata !== null && !ArrayBuffer.isView(metadata)
      ? (metadata as Record<string, unknown>)
      : {};
  const schemaVersion = m.schemaVersion;
  return {
    schemaVersion:
      typeof schemaVersion === 'number' && Number.isInteger(schemaVersion) && schemaVersion >= 1
        ? schemaVersion
        : 1,
    occurredAt: date(m.occurredAt, created),
    recordedAt: date(m.recordedAt, created),
    correlationId: text(m.correlationId) ?? text(m.$correlationId),
    causationId: text(m.causationId) ?? text(m.$causationId),
    actor: text(m.actor),
  };
}

export function fromEsdbEvent(event: EsdbRecordedEvent): RecordedEvent {
  if (event.position === undefined) {
    // Stream reads carry the $all position only from server 22.6 on; without it we cannot order.
    throw new Error(
      `EventStoreDB returned event ${event.id} without its $all position: server 22.6 or later is required`,
    );
  }
  return {
    eventId: event.id,
    type: event.type,
    data: event.data,
    streamId: event.streamId,
    streamVersion: toVersion(event.revision),
    // gRPC appends are implicit transactions: every event gets its own commit (= prepare)
    // position, so the commit position alone orders the log strictly.
    globalPosition: event.position.commit,
    ...decodeEnvelope(event.metadata, event.created),
  };
}

/** System events and streams start with `$` (projections' links, metadata, stats, scavenges). */
export const isSystemEvent = (event: { readonly type: string; readonly streamId: string }) =>
  event.type.startsWith('$') || event.streamId.startsWith('$');
