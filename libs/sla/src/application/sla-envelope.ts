import { NewEvent, RecordedEvent, uuidV8FromName } from '@heard/event-store';

/** Recorded as the actor of everything the SLA context appends to a case. */
export const SLA_ACTOR = 'heard:sla';

/**
 * Envelope fields for events the SLA context appends because of `cause`: the ids derive from the
 * cause, the case and the command, so a redelivery or a second worker appends nothing twice.
 */
export const slaEnvelope =
  (cause: RecordedEvent, streamId: string, command: string, at: string) =>
  (_event: unknown, index: number): Omit<NewEvent, 'type' | 'data'> => ({
    eventId: uuidV8FromName(`sla|${cause.eventId}|${streamId}|${command}|${index}`),
    occurredAt: new Date(at),
    causationId: cause.eventId,
    correlationId: cause.correlationId ?? cause.eventId,
    actor: SLA_ACTOR,
  });
