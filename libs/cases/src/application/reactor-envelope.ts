import { NewEvent, RecordedEvent, uuidV8FromName } from '@heard/event-store';

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
  return uuidV8FromName(`${causeId}|${streamId}|${command}|${index}`);
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
