import { createHash } from 'node:crypto';
import type { NewEvent, RecordedEvent } from '@heard/event-store';

/** Recorded as the actor of everything the case reactors append. */
export const CASE_REACTOR_ACTOR = 'heard:case-reactor';

/**
 * A UUID (v8 layout, RFC 9562) derived from the causing event, the target stream, the command and
 * the event's index in the append: a redelivered event produces the same ids, which the store
 * recognises as a retry instead of appending twice.
 */
export function derivedEventId(
  causeId: string,
  streamId: string,
  command: string,
  index: number,
): string {
  const hex = createHash('sha256')
    .update(`${causeId}|${streamId}|${command}|${index}`)
    .digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Envelope for events a reactor appends because of `cause`. */
export const reactorEnvelope =
  (cause: RecordedEvent, streamId: string, command: string, at: string) =>
  (_event: unknown, index: number): Omit<NewEvent, 'type' | 'data'> => ({
    eventId: derivedEventId(cause.eventId, streamId, command, index),
    occurredAt: new Date(at),
    causationId: cause.eventId,
    correlationId: cause.correlationId ?? cause.eventId,
    actor: CASE_REACTOR_ACTOR,
  });
