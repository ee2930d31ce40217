import { Clock } from './clock';
import { InvalidAppendError } from './errors';
import { ExpectedVersion } from './expected-version';
import { jsonProblem } from './json-check';
import {
  MAX_EVENT_BYTES,
  MAX_EVENT_TYPE_LENGTH,
  MAX_EVENTS_PER_APPEND,
  MAX_STREAM_ID_LENGTH,
} from './limits';
import { NewEvent } from './recorded-event';
import { isUuid, uuidV7 } from './uuid-v7';

/** An event checked and serialised, ready for any adapter to write. */
export interface PreparedEvent {
  readonly eventId: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: unknown;
  /** `data` as JSON text. */
  readonly json: string;
  readonly occurredAt: Date;
  readonly recordedAt: Date;
  readonly correlationId: string | null;
  readonly causationId: string | null;
  readonly actor: string | null;
}

// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

export function validateStreamId(streamId: unknown): asserts streamId is string {
  if (typeof streamId !== 'string' || streamId.length === 0) {
    throw new InvalidAppendError('streamId', 'must be a non-empty string');
  }
  if (streamId.length > MAX_STREAM_ID_LENGTH) {
    throw new InvalidAppendError('streamId', `must be at most ${MAX_STREAM_ID_LENGTH} characters`);
  }
  if (CONTROL_CHARACTERS.test(streamId)) {
    throw new InvalidAppendError('streamId', 'must not contain control characters');
  }
  if (streamId.startsWith('$')) {
    throw new InvalidAppendError('streamId', 'must not start with $ (reserved for system streams)');
  }
}

function validateExpectedVersion(expected: ExpectedVersion): void {
  if (typeof expected === 'number') {
    if (!Number.isSafeInteger(expected) || expected < 0) {
      throw new InvalidAppendError('expectedVersion', 'must be a non-negative integer');
    }
  } else if (!['no_stream', 'stream_exists', 'any'].includes(expected)) {
    throw new InvalidAppendError(
      'expectedVersion',
      'must be a number, no_stream, stream_exists or any',
    );
  }
}

const optionalText = (value: string | null | undefined, field: string): string | null => {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string' || value.length > 200) {
    throw new InvalidAppendError(field, 'must be a string of at most 200 characters');
  }
  return value;
};

/** Checks an append the same way for every adapter and fills the envelope. Pure but for id generation. */
export function prepareAppend(
  streamId: string,
  events: readonly NewEvent[],
  expectedVersion: ExpectedVersion,
  clock: Clock,
): PreparedEvent[] {
  validateStreamId(streamId);
  validateExpectedVersion(expectedVersion);
  if (!Array.isArray(events) || events.length === 0) {
    throw new InvalidAppendError('events', 'must contain at least one event');
  }
  if (events.length > MAX_EVENTS_PER_APPEND) {
    throw new InvalidAppendError('events', `must contain at most ${MAX_EVENTS_PER_APPEND} events`);
  }
  const recordedAt = clock.now();
  const ids = new Set<string>();
  return events.map((event, i) => {
    const at = `events[${i}]`;
    if (
      typeof event.type !== 'string' ||
      event.type.length === 0 ||
      event.type.length > MAX_EVENT_TYPE_LENGTH
    ) {
      throw new InvalidAppendError(
        `${at}.type`,
        `must be 1 to ${MAX_EVENT_TYPE_LENGTH} characters`,
      );
    }
    const eventId = event.eventId ?? uuidV7(recordedAt);
    if (event.eventId !== undefined && !isUuid(eventId))
      throw new InvalidAppendError(`${at}.eventId`, 'must be a UUID');
    if (ids.has(eventId))
      throw new InvalidAppendError(`${at}.eventId`, 'must be unique within the append');
    ids.add(eventId);
    const schemaVersion = event.schemaVersion ?? 1;
    if (!Number.isInteger(schemaVersion) || schemaVersion < 1) {
      throw new InvalidAppendError(`${at}.schemaVersion`, 'must be a positive integer');
    }
    if (event.data === undefined) throw new InvalidAppendError(`${at}.data`, 'must be present');
    const problem = jsonProblem(event.data, `${at}.data`);
    if (problem) throw new InvalidAppendError(`${at}.data`, problem);
    const json = JSON.stringify(event.data);
    const occurredAt = event.occurredAt ?? recordedAt;
    if (!(occurredAt instanceof Date) || Number.isNaN(occurredAt.getTime())) {
      throw new InvalidAppendError(`${at}.occurredAt`, 'must be a valid Date');
    }
    const prepared: PreparedEvent = {
      eventId,
      type: event.type,
      schemaVersion,
      data: event.data,
      json,
      occurredAt,
      recordedAt,
      correlationId: optionalText(event.correlationId, `${at}.correlationId`),
      causationId: optionalText(event.causationId, `${at}.causationId`),
      actor: optionalText(event.actor, `${at}.actor`),
    };
    // 1 KiB covers the envelope's fixed fields.
    if (Buffer.byteLength(json, 'utf8') + event.type.length + 1024 > MAX_EVENT_BYTES) {
      throw new InvalidAppendError(
        `${at}.data`,
        `must serialise to less than ${MAX_EVENT_BYTES} bytes with its envelope`,
      );
    }
    return prepared;
  });
}
