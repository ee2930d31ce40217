import { RecordedEvent } from '@heard/event-store';
import { encodePosition } from './global-position';

/**
 * Every read returns each event as one JSON array: V8's JSON.parse decodes a page faster than
 * pg's column-by-column parsers, and `data` is embedded as stored, without a second parse.
 * Times travel as epoch milliseconds.
 */
export const eventJson = (e: string): string => `json_build_array(${e}.tx_id::text, ${e}.tx_index,
  ${e}.event_id, ${e}.stream_id, ${e}.stream_version, ${e}.type, ${e}.schema_version, ${e}.data,
  (extract(epoch FROM ${e}.occurred_at) * 1000)::float8,
  (extract(epoch FROM ${e}.recorded_at) * 1000)::float8,
  ${e}.correlation_id, ${e}.causation_id, ${e}.actor)::text`;

type EventTuple = [
  txId: string,
  txIndex: number,
  eventId: string,
  streamId: string,
  streamVersion: number,
  type: string,
  schemaVersion: number,
  data: unknown,
  occurredAtMs: number,
  recordedAtMs: number,
  correlationId: string | null,
  causationId: string | null,
  actor: string | null,
];

export function toRecordedEvent(json: string): RecordedEvent {
  const e = JSON.parse(json) as EventTuple;
  return {
    eventId: e[2],
    type: e[5],
    schemaVersion: e[6],
    data: e[7],
    streamId: e[3],
    streamVersion: e[4],
    globalPosition: encodePosition(e[0], e[1]),
    occurredAt: new Date(e[8]),
    recordedAt: new Date(e[9]),
    correlationId: e[10],
    causationId: e[11],
    actor: e[12],
  };
}

export interface EventRow {
  readonly event: string;
}
